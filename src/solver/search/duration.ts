/**
 * Time summary of a sequence of visits (Kindervater & Savelsbergh 1997;
 * Vidal, Crainic, Gendreau & Prins 2013; HGS.md §5): minimal duration
 * (travel + service + unavoidable waiting), time warp, the earliest and
 * latest start that need no extra waiting or time warp, and — for the
 * dispatch clock — the latest release time and earliest dispatch deadline of
 * its jobs. Two summaries joined by an arc concatenate in O(1).
 *
 * `DurationSegment` is a small mutable value (reused, never allocated in hot
 * loops); `DurationTable` stores many of them in flat typed arrays.
 */

/** Many duration summaries, index-addressed, in flat typed arrays. */
export class DurationTable {
  duration: Float64Array;
  timeWarp: Float64Array;
  earliest: Float64Array;
  latest: Float64Array;
  release: Float64Array;
  deadline: Float64Array;

  constructor(size: number) {
    this.duration = new Float64Array(size);
    this.timeWarp = new Float64Array(size);
    this.earliest = new Float64Array(size);
    this.latest = new Float64Array(size);
    this.release = new Float64Array(size);
    this.deadline = new Float64Array(size);
  }

  get size(): number {
    return this.duration.length;
  }
}

export class DurationSegment {
  duration = 0;
  timeWarp = 0;
  earliest = 0;
  latest = 0;
  release = -Infinity;
  deadline = Infinity;

  /** Sets this to one visit: service time, window, release time and dispatch deadline. */
  setVisit(service: number, twEarly: number, twLate: number, release: number, deadline: number): this {
    this.duration = service;
    this.timeWarp = 0;
    this.earliest = twEarly;
    this.latest = twLate;
    this.release = release;
    this.deadline = deadline;
    return this;
  }

  /** Sets this to the summary stored at `t[i]`. */
  load(t: DurationTable, i: number): this {
    this.duration = t.duration[i];
    this.timeWarp = t.timeWarp[i];
    this.earliest = t.earliest[i];
    this.latest = t.latest[i];
    this.release = t.release[i];
    this.deadline = t.deadline[i];
    return this;
  }

  /** Stores this summary at `t[i]`. */
  store(t: DurationTable, i: number): void {
    t.duration[i] = this.duration;
    t.timeWarp[i] = this.timeWarp;
    t.earliest[i] = this.earliest;
    t.latest[i] = this.latest;
    t.release[i] = this.release;
    t.deadline[i] = this.deadline;
  }

  copy(o: DurationSegment): this {
    this.duration = o.duration;
    this.timeWarp = o.timeWarp;
    this.earliest = o.earliest;
    this.latest = o.latest;
    this.release = o.release;
    this.deadline = o.deadline;
    return this;
  }

  /**
   * Appends a second sequence (duration d2, time warp w2, window [e2, l2]) reached
   * after `edge` time units: this ← this ⊕ other.
   */
  private join(edge: number, d2: number, w2: number, e2: number, l2: number): void {
    const delta = this.duration - this.timeWarp + edge;
    let wait = e2 - delta - this.latest;
    if (wait < 0) wait = 0;
    let warp = this.earliest + delta - l2;
    if (warp < 0) warp = 0;
    this.duration += d2 + edge + wait;
    this.timeWarp += w2 + warp;
    const e = e2 - delta;
    this.earliest = (e > this.earliest ? e : this.earliest) - wait;
    const l = l2 - delta;
    this.latest = (l < this.latest ? l : this.latest) + warp;
  }

  /** Appends one visit reached after `edge` time units. */
  appendVisit(edge: number, service: number, twEarly: number, twLate: number, release: number, deadline: number): this {
    this.join(edge, service, 0, twEarly, twLate);
    if (release > this.release) this.release = release;
    if (deadline < this.deadline) this.deadline = deadline;
    return this;
  }

  /** Appends the summary stored at `t[i]`, reached after `edge` time units. */
  appendStored(edge: number, t: DurationTable, i: number): this {
    this.join(edge, t.duration[i], t.timeWarp[i], t.earliest[i], t.latest[i]);
    const r = t.release[i], d = t.deadline[i];
    if (r > this.release) this.release = r;
    if (d < this.deadline) this.deadline = d;
    return this;
  }
}
