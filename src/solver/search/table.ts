/**
 * A table of route segments (index-addressed, flat typed arrays): for each
 * entry the first and last point (matrix index), distance, arc cost, travel
 * and task time, client count,
 * assignment penalty and not-allowed count for the route's vehicle type,
 * and the duration and load summaries. Prefix, suffix, single-visit and
 * between-position tables all share this layout, so one accumulator
 * (`Concat`) joins any of them.
 */
import { DurationTable } from './duration.js';
import { LoadTable } from './load.js';

export class SegmentTable {
  first: Int32Array;
  last: Int32Array;
  distance: Float64Array;
  /** Sum of the arcs' costs for the route's vehicle type (see compile-travel.ts). */
  arcCost: Float64Array;
  /** Sum of the arcs' durations (travel time). */
  travel: Float64Array;
  /** Sum of the visits' service durations (task time). */
  task: Float64Array;
  count: Int32Array;
  penalty: Float64Array;
  notAllowed: Int32Array;
  time: DurationTable;
  load: LoadTable;

  constructor(readonly size: number, readonly dims: number) {
    this.first = new Int32Array(size);
    this.last = new Int32Array(size);
    this.distance = new Float64Array(size);
    this.arcCost = new Float64Array(size);
    this.travel = new Float64Array(size);
    this.task = new Float64Array(size);
    this.count = new Int32Array(size);
    this.penalty = new Float64Array(size);
    this.notAllowed = new Int32Array(size);
    this.time = new DurationTable(size);
    this.load = new LoadTable(size, dims);
  }
}
