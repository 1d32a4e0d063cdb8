/**
 * The whole report page: one self-contained HTML document (inline CSS, SVG
 * and a few lines of script; a Content-Security-Policy that allows no network
 * request at all), so it opens offline and can be mailed or archived as is.
 */
import { VERSION } from '../../version.js';
import { distanceText, durationText, esc, num } from './html.js';
import { renderMap } from './map.js';
import type { ReportModel } from './model.js';
import { renderTimeline } from './timeline.js';
import { renderCheck, renderKpis, renderSla, renderUnassigned } from './tables.js';

const CSS = `
:root { --ink: #1d2330; --muted: #667085; --line: #d0d5dd; --bad: #c62828; --good: #2e7d32; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #f6f7f9; }
header, section { max-width: 1100px; margin: 0 auto; padding: 12px 20px; }
header h1 { font-size: 22px; margin: 12px 0 6px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin-bottom: 14px; }
h2 { font-size: 17px; margin: 4px 0 10px; } h3 { font-size: 15px; margin: 14px 0 6px; }
.chips { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; padding: 0; list-style: none; }
.chips li { background: #fff; border: 1px solid var(--line); border-radius: 16px; padding: 3px 12px; }
.good { color: var(--good); } .bad { color: var(--bad); } .note { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eaecf0; vertical-align: top; }
th { background: #f2f4f7; font-weight: 600; }
table.kpi { width: auto; min-width: 420px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
.badge { border-radius: 10px; padding: 1px 8px; font-size: 12px; background: #eaecf0; }
.badge.met { background: #dcfce7; } .badge.breached { background: #fde2e1; } .badge.at-risk { background: #ffedd5; } .badge.pending { background: #e0f2fe; }
svg { width: 100%; height: auto; display: block; }
.map-bg { fill: #fbfbf8; }
.roads { fill: none; stroke: #c9cdd3; stroke-width: 0.8; }
.route { fill: none; stroke-width: 2.6; stroke-linejoin: round; stroke-linecap: round; opacity: 0.9; }
.stop { stroke: #fff; stroke-width: 1.2; } .stop.other { stroke: #222; stroke-dasharray: 2 1; }
.stop.late { stroke: var(--bad); stroke-width: 3; }
.seq { font-size: 9px; text-anchor: middle; fill: #344054; pointer-events: none; }
.depot { fill: #111; stroke: #fff; stroke-width: 1.5; }
.unassigned { stroke: #7a7a7a; stroke-width: 2.5; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0; margin: 10px 0 4px; }
.legend button { font: inherit; border: 1px solid var(--line); background: #fff; border-radius: 6px; padding: 1px 8px; cursor: pointer; }
body.focus .route:not(.on), body.focus .stops:not(.on), body.focus .row:not(.on) { opacity: 0.12; }
body.focus .legend button.on { border-color: var(--ink); font-weight: 600; }
.label { font-size: 12px; text-anchor: end; fill: var(--ink); }
.tick-label { font-size: 11px; text-anchor: middle; fill: var(--muted); }
.grid { stroke: #eaecf0; }
.shift { fill: #f2f4f7; }
.travel { opacity: 0.55; }
.wait, .k.wait { fill: #fff; stroke: #98a2b3; stroke-dasharray: 2 2; }
.service { stroke: #fff; stroke-width: 0.5; }
.break, .k.break { fill: #f59e0b; opacity: 0.8; }
.other, .k.other { fill: #fff; stroke: #344054; stroke-width: 1; }
rect.late { stroke: var(--bad); stroke-width: 2; }
.late-mark { fill: var(--bad); }
.window { opacity: 0.35; } .window.late { stroke: var(--bad); stroke-width: 1; opacity: 0.7; }
.tick { stroke: var(--ink); stroke-width: 1.2; } .tick.late { stroke: var(--bad); stroke-width: 2; }
.key .k { display: inline-block; width: 18px; height: 10px; margin: 0 4px 0 10px; vertical-align: 0; border: 1px solid #98a2b3; }
.k.shift { background: #f2f4f7; } .k.travel { background: #1f6fb4; height: 4px; opacity: 0.55; } .k.service { background: #1f6fb4; }
.k.wait { background: #fff; border-style: dashed; } .k.break { background: #f59e0b; } .k.other { background: #fff; border-color: #344054; }
.k.late { background: #fff; border: 2px solid var(--bad); }
footer { max-width: 1100px; margin: 0 auto 24px; padding: 0 20px; color: var(--muted); font-size: 12px; }
`;

// Click a vehicle in the legend (or a route / timeline row) to highlight it; click again to clear.
const SCRIPT = `
(function () {
  var current = null;
  function focus(id) {
    current = current === id ? null : id;
    document.body.classList.toggle('focus', current !== null);
    document.querySelectorAll('[data-vehicle],[data-for]').forEach(function (el) {
      var v = el.getAttribute('data-vehicle') || el.getAttribute('data-for');
      el.classList.toggle('on', current !== null && v === current);
    });
  }
  document.querySelectorAll('.legend button, path.route, g.row').forEach(function (el) {
    el.addEventListener('click', function () { focus(el.getAttribute('data-vehicle') || el.getAttribute('data-for')); });
  });
})();
`;

/** The complete HTML document of a report model. */
export function renderPage(model: ReportModel): string {
  const routed = model.routes.reduce((n, r) => n + r.stops, 0);
  const late = model.routes.reduce((n, r) => n + r.late, 0);
  const distance = model.routes.reduce((s, r) => s + (r.distance ?? 0), 0);
  const duration = model.routes.reduce((s, r) => s + (r.duration ?? 0), 0);
  const cost = model.routes.reduce((s, r) => s + (r.cost ?? 0), 0);
  const verdict = model.check ? (model.check.feasible ? '<span class="good">feasible</span>' : '<span class="bad">infeasible</span>') : 'not checked';
  const chips = [
    `plan ${verdict}`,
    `${model.routes.length} routes`,
    `${routed} stops`,
    late ? `<span class="bad">${late} late</span>` : '0 late',
    model.unassigned.length ? `<span class="bad">${model.unassigned.length} unassigned</span>` : '0 unassigned',
    `distance ${esc(distanceText(distance, model.geographic))}`,
    `driving + service + waiting ${esc(durationText(duration, model.timeFormat))}`,
    `cost ${esc(num(cost))}`,
  ];
  const sla = model.sla || model.slaError ? `<section id="sla"><h2>SLA per order</h2>\n${renderSla(model)}\n</section>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="vrpkit ${VERSION}">
<title>${esc(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(model.title)}</h1><ul class="chips">${chips.map((c) => `<li>${c}</li>`).join('')}</ul>${renderCheck(model)}</header>
<section id="map"><h2>Map</h2>
${renderMap(model)}
</section>
<section id="timeline"><h2>Timeline</h2>
${renderTimeline(model)}
</section>
<section id="kpis"><h2>KPIs</h2>
${renderKpis(model)}
</section>
${sla}
<section id="unassigned"><h2>Unassigned jobs</h2>
${renderUnassigned(model)}
</section>
<footer>Made by vrpkit ${VERSION}${model.footer ? ` · ${esc(model.footer)}` : ''}. Times and distances re-derived by the independent checker.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
