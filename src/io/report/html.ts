/**
 * Small helpers for writing HTML and SVG as strings: escaping, numbers and
 * times for people, vehicle colours. Pure functions, no DOM.
 */

/** Escapes text for HTML element content and double-quoted attribute values. */
export function esc(x: unknown): string {
  return String(x).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A number with up to `digits` decimals (trailing zeros dropped); `–` when missing or not finite. */
export function num(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return String(Number(x.toFixed(digits)));
}

/** How problem times are shown: `clock` reads them as seconds (since midnight of day 0), `number` as they are. */
export type TimeFormat = 'clock' | 'number';

/** A time for people: `09:05` / `d1 09:05` (clock) or the number. */
export function timeText(t: number | undefined, format: TimeFormat): string {
  if (t === undefined || !Number.isFinite(t)) return '–';
  if (format === 'number') return num(t);
  const sign = t < 0 ? '-' : '';
  const total = Math.round(Math.abs(t) / 60);
  const day = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  return `${sign}${day > 0 ? `d${day} ` : ''}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** A duration for people: `1h 05m`, `12m 30s` (clock) or the number. */
export function durationText(dt: number | undefined, format: TimeFormat): string {
  if (dt === undefined || !Number.isFinite(dt)) return '–';
  if (format === 'number') return num(dt);
  const s = Math.round(Math.abs(dt));
  const sign = dt < 0 ? '-' : '';
  if (s < 3600) return `${sign}${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${sign}${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** A distance for people: kilometres for metres (`12.4 km`) or the number. */
export function distanceText(d: number | undefined, metres: boolean): string {
  if (d === undefined || !Number.isFinite(d)) return '–';
  return metres ? `${num(d / 1000, 1)} km` : num(d);
}

const PALETTE = ['#1f6fb4', '#e0402a', '#2a9d3a', '#f08c00', '#7d4cc2', '#0fa3b1', '#a0522d', '#d6409f', '#6b8e23', '#3f51b5', '#c2185b', '#00897b'];

/** The colour of the vehicle with index `k` in `problem.vehicles`: twelve distinct colours, then golden-angle hues. */
export function vehicleColour(k: number): string {
  if (k >= 0 && k < PALETTE.length) return PALETTE[k];
  const hue = Math.round((Math.abs(k) * 137.508) % 360);
  return `hsl(${hue}, 65%, 42%)`;
}
