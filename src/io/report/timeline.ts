/**
 * The report's timeline: one row per route on a shared time axis. In a row:
 * the shift (a light band), travel (a thin line in the vehicle's colour),
 * waiting (hatched), service (a solid block), breaks (orange, hatched), other
 * step types (an outlined block), and late stops marked with a red triangle.
 * Under the row, the stops' time windows are bands (one per distinct window)
 * packed into lanes, with a tick where each stop's service starts. Every mark has a `<title>` tooltip.
 */
import type { TimeWindow } from '../../model/types.js';
import { durationText, esc, timeText, type TimeFormat } from './html.js';
import type { ReportModel, ReportRoute, ReportStep } from './model.js';

const LABEL = 120;
const WIDTH = 1000;
const ROW = 24;
const LANE = 6;
const AXIS = 26;

/** A time scale over [t0, t1] onto the plot's x range. */
interface Scale {
  t0: number;
  t1: number;
  x(t: number): number;
}

function scaleOf(model: ReportModel): Scale | undefined {
  let t0 = Infinity;
  let t1 = -Infinity;
  const see = (t: number | undefined) => {
    if (t === undefined || !Number.isFinite(t)) return;
    t0 = Math.min(t0, t);
    t1 = Math.max(t1, t);
  };
  for (const r of model.routes) {
    for (const s of r.steps) {
      see(s.arrival);
      see(s.departure);
    }
    see(r.shift?.[0]);
    see(r.shift?.[1]);
  }
  if (!(t1 >= t0)) return undefined;
  if (t1 === t0) t1 = t0 + 1;
  const x0 = LABEL;
  const w = WIDTH - LABEL - 24;
  return { t0, t1, x: (t) => Math.round((x0 + ((Math.min(Math.max(t, t0), t1) - t0) / (t1 - t0)) * w) * 10) / 10 };
}

/** Tick spacing: a round number of minutes/hours (clock) or 1, 2, 5 × 10^k, for at most ~12 ticks. */
function tickStep(span: number, format: TimeFormat): number {
  if (format === 'clock') {
    for (const s of [60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]) if (span / s <= 12) return s;
    return 86400 * Math.ceil(span / 86400 / 12);
  }
  const raw = span / 10;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

/** Greedy interval packing: the lane of each window so that windows in a lane do not overlap. */
function packLanes(windows: readonly { w: TimeWindow }[]): number[] {
  const laneEnds: number[] = [];
  const order = windows.map((_, i) => i).sort((a, b) => windows[a].w[0] - windows[b].w[0]);
  const lanes = new Array<number>(windows.length).fill(0);
  for (const i of order) {
    const [start, end] = windows[i].w;
    let lane = laneEnds.findIndex((e) => e <= start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(end);
    } else laneEnds[lane] = end;
    lanes[i] = lane;
  }
  return lanes;
}

function rect(cls: string, x0: number, x1: number, y: number, h: number, title: string, fill?: string): string {
  const w = Math.max(0.8, Math.round((x1 - x0) * 10) / 10);
  return `<rect class="${cls}" x="${x0}" y="${y}" width="${w}" height="${h}"${fill ? ` fill="${fill}"` : ''}><title>${esc(title)}</title></rect>`;
}

function stepLabel(s: ReportStep): string {
  return `${s.type === 'job' ? '' : `${s.type} `}${s.id ?? ''}`.trim() || s.type;
}

function row(r: ReportRoute, y: number, scale: Scale, format: TimeFormat): { svg: string; height: number } {
  const out: string[] = [];
  const t = (x: number | undefined) => timeText(x, format);
  const mid = y + ROW / 2;
  out.push(`<g class="row" data-for="${esc(r.vehicle)}">`);
  out.push(`<text class="label" x="${LABEL - 8}" y="${mid + 4}">${esc(r.vehicle)}</text>`);
  if (r.shift && Number.isFinite(r.shift[0]) && Number.isFinite(r.shift[1])) {
    out.push(rect('shift', scale.x(r.shift[0]), scale.x(r.shift[1]), y + 2, ROW - 4, `shift ${t(r.shift[0])}–${t(r.shift[1])}`));
  }
  let prev: ReportStep | undefined;
  for (const s of r.steps) {
    if (prev?.departure !== undefined && s.arrival !== undefined && s.arrival > prev.departure) {
      out.push(
        rect('travel', scale.x(prev.departure), scale.x(s.arrival), mid - 2, 4, `travel ${t(prev.departure)}–${t(s.arrival)} (${durationText(s.arrival - prev.departure, format)}) to ${stepLabel(s)}`, r.colour),
      );
    }
    if (s.type !== 'start' && s.type !== 'end' && s.arrival !== undefined) {
      const start = s.serviceStart ?? s.arrival;
      if (start > s.arrival) out.push(rect('wait', scale.x(s.arrival), scale.x(start), y + 6, ROW - 12, `${stepLabel(s)}: waiting ${durationText(start - s.arrival, format)}`));
      const end = s.departure ?? start;
      const cls = s.type === 'job' || s.type === 'pickup' || s.type === 'delivery' ? 'service' : s.type === 'break' ? 'break' : 'other';
      const late = s.lateness > 0 ? `, LATE by ${durationText(s.lateness, format)}` : '';
      const title = `${stepLabel(s)} (#${s.sequence}): arrival ${t(s.arrival)}, service ${t(start)}–${t(end)}${late}`;
      out.push(rect(cls + (s.lateness > 0 ? ' late' : ''), scale.x(start), scale.x(end), y + 4, ROW - 8, title, cls === 'service' ? r.colour : undefined));
      if (s.lateness > 0) {
        const x = scale.x(start);
        out.push(`<path class="late-mark" d="M${x - 5} ${y - 4}L${x + 5} ${y - 4}L${x} ${y + 3}Z"><title>${esc(title)}</title></path>`);
      }
    }
    if (s.departure !== undefined || s.arrival !== undefined) prev = s;
  }
  // Time windows, packed into lanes under the row: one band per distinct window, a tick per stop at its service start.
  const groups = new Map<string, { w: TimeWindow; stops: ReportStep[] }>();
  for (const s of r.steps) {
    for (const w of s.windows ?? []) {
      if (!Number.isFinite(w[0]) && !Number.isFinite(w[1])) continue;
      const key = `${w[0]},${w[1]}`;
      const g = groups.get(key);
      if (g) g.stops.push(s);
      else groups.set(key, { w, stops: [s] });
    }
  }
  const bands = [...groups.values()];
  const lanes = packLanes(bands);
  const laneCount = bands.length ? Math.max(...lanes) + 1 : 0;
  bands.forEach(({ w, stops }, i) => {
    const ly = y + ROW + lanes[i] * LANE;
    const a = scale.x(Number.isFinite(w[0]) ? w[0] : scale.t0);
    const b = scale.x(Number.isFinite(w[1]) ? w[1] : scale.t1);
    const late = stops.some((s) => s.lateness > 0);
    const names = stops.slice(0, 12).map(stepLabel).join(', ') + (stops.length > 12 ? `, … (${stops.length})` : '');
    out.push(rect(`window${late ? ' late' : ''}`, a, b, ly, LANE - 2, `window ${t(w[0])}–${t(w[1])}: ${names}`, r.colour));
    for (const s of stops) {
      if (s.serviceStart === undefined) continue;
      const x = scale.x(s.serviceStart);
      out.push(`<line class="tick${s.lateness > 0 ? ' late' : ''}" x1="${x}" x2="${x}" y1="${ly - 1}" y2="${ly + LANE - 1}"><title>${esc(`${stepLabel(s)}: service ${t(s.serviceStart)}`)}</title></line>`);
    }
  });
  out.push('</g>');
  return { svg: out.join(''), height: ROW + laneCount * LANE + 8 };
}

/** The timeline section's SVG (or a note when the plan has no times). */
export function renderTimeline(model: ReportModel): string {
  const scale = scaleOf(model);
  if (!scale || model.routes.length === 0) return '<p class="note">No times to draw.</p>';
  const format = model.timeFormat;
  const rows: string[] = [];
  let y = AXIS + 6;
  for (const r of model.routes) {
    const { svg, height } = row(r, y, scale, format);
    rows.push(svg);
    y += height;
  }
  const height = y + 4;
  const step = tickStep(scale.t1 - scale.t0, format);
  const ticks: string[] = [];
  for (let tt = Math.ceil(scale.t0 / step) * step; tt <= scale.t1; tt += step) {
    const x = scale.x(tt);
    ticks.push(`<line class="grid" x1="${x}" x2="${x}" y1="${AXIS - 4}" y2="${height}"/><text class="tick-label" x="${x}" y="${AXIS - 8}">${esc(timeText(tt, format))}</text>`);
  }
  return (
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="timeline per vehicle">${ticks.join('')}${rows.join('\n')}</svg>\n` +
    '<p class="note key"><span class="k shift"></span>shift <span class="k travel"></span>travel <span class="k wait"></span>waiting ' +
    '<span class="k service"></span>service <span class="k break"></span>break <span class="k other"></span>other step ' +
    '<span class="k late"></span>late stop; bands under each row: time windows (tick: service start).</p>'
  );
}
