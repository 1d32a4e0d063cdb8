/**
 * The report's map: one inline SVG, coordinates projected to the page
 * (Web Mercator for `[lon, lat]`, plane coordinates as they are, y up). Each
 * route is ONE `<path class="route" data-vehicle="…">` in its vehicle's colour
 * (along the roads on a road network); stops are circles (late stops ringed in
 * red), depots squares, unassigned jobs grey crosses. Faint roads near the
 * routes are drawn behind on small road networks. Every mark has a `<title>`
 * (the browser's tooltip), so the map needs no script.
 */
import type { Position } from '../route-geometry.js';
import { distanceText, durationText, esc, num, timeText } from './html.js';
import type { ReportModel } from './model.js';

const WIDTH = 1000;
const PAD = 24;

/** Projects positions to SVG coordinates fitted into the map box. */
interface Projection {
  width: number;
  height: number;
  xy(p: Position): [number, number];
}

function projection(points: Position[], geographic: boolean): Projection | undefined {
  const raw = (p: Position): [number, number] =>
    geographic ? [(p[0] * Math.PI) / 180, Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, p[1])) * Math.PI) / 360))] : [p[0], p[1]];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    const [x, y] = raw(p);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (!(x1 >= x0)) return undefined;
  const dx = x1 - x0 || Math.max(y1 - y0, 1e-6);
  const dy = y1 - y0 || dx;
  const height = Math.round(Math.min(760, Math.max(360, (dy / dx) * (WIDTH - 2 * PAD) + 2 * PAD)));
  const scale = Math.min((WIDTH - 2 * PAD) / dx, (height - 2 * PAD) / dy);
  const ox = (WIDTH - scale * dx) / 2;
  const oy = (height - scale * dy) / 2;
  return {
    width: WIDTH,
    height,
    xy(p) {
      const [x, y] = raw(p);
      return [round(ox + (x - x0) * scale), round(height - oy - (y - y0) * scale)];
    },
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

/** The map section's SVG (or a note when nothing has coordinates). */
export function renderMap(model: ReportModel): string {
  const points: Position[] = [];
  for (const r of model.routes) points.push(...r.line);
  for (const d of model.depots) points.push(d.at);
  for (const u of model.unassigned) if (u.at) points.push(u.at);
  const proj = projection(points, model.geographic);
  if (!proj) return '<p class="note">No coordinates to draw: the locations are matrix indices without <code>travel.coordinates</code>.</p>';
  const out: string[] = [];
  out.push(`<svg class="map" viewBox="0 0 ${proj.width} ${proj.height}" role="img" aria-label="map of the routes">`);
  out.push(`<rect class="map-bg" width="${proj.width}" height="${proj.height}"/>`);
  if (model.roads.length > 0) {
    const d = model.roads.map(([a, b]) => `M${proj.xy(a).join(' ')}L${proj.xy(b).join(' ')}`).join('');
    out.push(`<path class="roads" d="${d}"/>`);
  }
  const fmt = model.timeFormat;
  for (const r of model.routes) {
    if (r.line.length < 2) continue;
    const d = r.line.map((p, i) => `${i === 0 ? 'M' : 'L'}${proj.xy(p).join(' ')}`).join('');
    const title = `${r.vehicle}: ${r.stops} stops, ${distanceText(r.distance, model.geographic)}, ${durationText(r.duration, fmt)}${r.late ? `, ${r.late} late` : ''}`;
    out.push(`<path class="route" data-vehicle="${esc(r.vehicle)}" d="${d}" stroke="${r.colour}"><title>${esc(title)}</title></path>`);
  }
  const labels = model.routes.reduce((n, r) => n + r.stops, 0) <= 150;
  for (const r of model.routes) {
    out.push(`<g class="stops" data-for="${esc(r.vehicle)}">`);
    for (const s of r.steps) {
      if (s.sequence === 0 || !s.at) continue;
      const [x, y] = proj.xy(s.at);
      const windows = s.windows?.map((w) => `${timeText(w[0], fmt)}–${timeText(w[1], fmt)}`).join(', ');
      const title =
        `${s.type === 'job' ? '' : `${s.type} `}${s.id ?? ''} — ${r.vehicle} #${s.sequence}, arrival ${timeText(s.arrival, fmt)}` +
        `${s.waiting ? `, waits ${durationText(s.waiting, fmt)}` : ''}${windows ? `, window ${windows}` : ''}` +
        `${s.lateness > 0 ? `, LATE by ${durationText(s.lateness, fmt)}` : ''}`;
      const cls = `stop${s.lateness > 0 ? ' late' : ''}${s.type === 'job' ? '' : ' other'}`;
      out.push(`<circle class="${cls}" cx="${x}" cy="${y}" r="4.5" fill="${r.colour}"><title>${esc(title)}</title></circle>`);
      if (labels) out.push(`<text class="seq" x="${x}" y="${round(y - 7)}">${s.sequence}</text>`);
    }
    out.push('</g>');
  }
  for (const d of model.depots) {
    const [x, y] = proj.xy(d.at);
    out.push(`<rect class="depot" x="${x - 6}" y="${y - 6}" width="12" height="12"><title>${esc(`depot of ${d.vehicles.join(', ')}`)}</title></rect>`);
  }
  for (const u of model.unassigned) {
    if (!u.at) continue;
    const [x, y] = proj.xy(u.at);
    out.push(
      `<path class="unassigned" d="M${x - 5} ${y - 5}L${x + 5} ${y + 5}M${x - 5} ${y + 5}L${x + 5} ${y - 5}"><title>${esc(`${u.id}: unassigned (${u.reason ?? 'no reason'})`)}</title></path>`,
    );
  }
  out.push('</svg>');
  const legend = model.routes
    .map(
      (r) =>
        `<li><button type="button" class="vehicle" data-for="${esc(r.vehicle)}"><span class="swatch" style="background:${r.colour}"></span>${esc(r.vehicle)}</button> ` +
        `${r.stops} stops · ${distanceText(r.distance, model.geographic)}${r.late ? ` · <span class="bad">${r.late} late</span>` : ''}</li>`,
    )
    .join('');
  const note = model.followsRoads ? 'Legs follow the fastest road paths.' : 'Legs are drawn as straight lines between stops.';
  return `${out.join('\n')}\n<ul class="legend">${legend}</ul>\n<p class="note">${note} Click a vehicle to highlight its route; hover a mark for details. ${model.unassigned.length ? `${num(model.unassigned.length, 0)} unassigned jobs are grey crosses.` : ''}</p>`;
}
