/**
 * bench:solver side by side with another solver (`--reference FILE`): the
 * distances another engine reached on the same files — e.g. PyVRP at the same
 * time limit on the same machine, one solve at a time — against ours, per
 * instance and over the set, in the terms issue 7 asks for: mean distance at
 * or below the reference's, and no single instance more than 1 % above it.
 *
 * FILE is JSON: an object from instance name (the file name without its
 * extension) to a distance, or to `{ "distance": d, "routes": r }`. Only the
 * distances are compared, and only where our plan passed the checker and the
 * reference has the instance; an instance where ours failed is listed, never
 * dropped from view.
 */
import type { InstanceResult } from './solver.js';

export interface ReferenceEntry {
  distance: number;
  routes?: number;
}

/** An instance where we are worse than the reference by `WORSE_PCT` % or more is listed by name. */
export const WORSE_PCT = 1;

/** Parses a reference file; throws naming the entry that is not a distance. */
export function parseReference(text: string): Map<string, ReferenceEntry> {
  const json: unknown = JSON.parse(text);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error('reference: expected an object from instance name to distance');
  const out = new Map<string, ReferenceEntry>();
  for (const [name, v] of Object.entries(json as Record<string, unknown>)) {
    const entry = typeof v === 'number' ? { distance: v } : (v as ReferenceEntry | null);
    const ok = entry !== null && typeof entry === 'object' && typeof entry.distance === 'number' && Number.isFinite(entry.distance) && entry.distance > 0 &&
      (entry.routes === undefined || (Number.isInteger(entry.routes) && entry.routes >= 0));
    if (!ok) throw new Error(`reference: /${name} must be a positive distance or { "distance": d, "routes"?: r }`);
    out.set(name, entry.routes === undefined ? { distance: entry.distance } : { distance: entry.distance, routes: entry.routes });
  }
  return out;
}

export interface ReferenceRow {
  name: string;
  ours: number;
  oursRoutes: number;
  reference: number;
  referenceRoutes?: number;
  /** (ours − reference) / reference, in percent. */
  diffPct: number;
}

export interface ReferenceComparison {
  label: string;
  rows: ReferenceRow[];
  /** Instances the reference has where our plan failed (infeasible, unassigned jobs, an error). */
  oursFailed: string[];
  /** Our instances the reference does not have. */
  notInReference: string[];
  /** Mean of our distances over the compared instances, and of the reference's. */
  meanOurs: number | null;
  meanReference: number | null;
  /** meanOurs / meanReference − 1, in percent (issue 7's "mean distance"). */
  meanDistanceDiffPct: number | null;
  /** Mean of the per-instance differences, in percent. */
  meanDiffPct: number | null;
  worst: ReferenceRow | null;
  /** Instances where ours is `WORSE_PCT` % or more above the reference. */
  worse: string[];
}

export function compareWithReference(results: InstanceResult[], ref: Map<string, ReferenceEntry>, label = 'reference'): ReferenceComparison {
  const rows: ReferenceRow[] = [];
  const oursFailed: string[] = [];
  const notInReference: string[] = [];
  for (const r of results) {
    const e = ref.get(r.name);
    if (!e) {
      notInReference.push(r.name);
      continue;
    }
    if (!r.feasible || !Number.isFinite(r.distance)) {
      oursFailed.push(r.name);
      continue;
    }
    rows.push({
      name: r.name, ours: r.distance, oursRoutes: r.routes, reference: e.distance,
      ...(e.routes !== undefined ? { referenceRoutes: e.routes } : {}),
      diffPct: (100 * (r.distance - e.distance)) / e.distance,
    });
  }
  const k = rows.length;
  const meanOurs = k ? rows.reduce((s, x) => s + x.ours, 0) / k : null;
  const meanReference = k ? rows.reduce((s, x) => s + x.reference, 0) / k : null;
  let worst: ReferenceRow | null = null;
  for (const x of rows) if (!worst || x.diffPct > worst.diffPct) worst = x;
  return {
    label, rows, oursFailed, notInReference, meanOurs, meanReference,
    meanDistanceDiffPct: k ? (100 * (meanOurs! - meanReference!)) / meanReference! : null,
    meanDiffPct: k ? rows.reduce((s, x) => s + x.diffPct, 0) / k : null,
    worst,
    worse: rows.filter((x) => x.diffPct >= WORSE_PCT).map((x) => x.name),
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${x >= 0 ? '+' : ''}${x.toFixed(2)}`);

/** The markdown section of the comparison. */
export function renderReference(c: ReferenceComparison): string[] {
  const lines = [
    `## Against ${c.label}`,
    '',
    `Compared on ${c.rows.length} instance(s) (our plan checked, the instance in the reference).` +
      ` Mean distance: ours ${c.meanOurs?.toFixed(1) ?? '–'}, ${c.label} ${c.meanReference?.toFixed(1) ?? '–'} (**${pct(c.meanDistanceDiffPct)} %**);` +
      ` mean per-instance difference ${pct(c.meanDiffPct)} %; worst ${c.worst ? `${c.worst.name} ${pct(c.worst.diffPct)} %` : '–'};` +
      ` ${WORSE_PCT} % or more above ${c.label}: ${c.worse.length ? c.worse.join(', ') : 'none'}.`,
  ];
  if (c.oursFailed.length) lines.push('', `**Our plan failed** (not compared): ${c.oursFailed.join(', ')}.`);
  if (c.notInReference.length) lines.push('', `Not in the reference: ${c.notInReference.join(', ')}.`);
  lines.push('', `| instance | ours | routes | ${c.label} | routes | difference % |`, '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const x of c.rows) {
    lines.push(`| ${x.name} | ${x.ours.toFixed(1)} | ${x.oursRoutes} | ${x.reference.toFixed(1)} | ${x.referenceRoutes ?? '–'} | ${pct(x.diffPct)} |`);
  }
  return [...lines, ''];
}
