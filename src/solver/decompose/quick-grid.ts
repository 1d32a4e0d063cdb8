/**
 * A square grid over a zone's job positions (planar coordinates), for the quick
 * plan's nearest-neighbour scores (quick.ts): the jobs are visited ring by ring
 * around the last stop, and the scan stops as soon as no job beyond the rings
 * seen could score better than the candidates kept. Every job in a ring of
 * Chebyshev index r' > r is at least r · cell away from the point, which bounds
 * its score from below; the candidates found are exactly those of a full scan.
 */

export class ZoneGrid {
  private readonly minX: number;
  private readonly minY: number;
  /** Side of a cell (coordinate units). */
  readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Positions per cell: `members[first[c] .. first[c + 1])`, ascending. */
  private readonly first: Int32Array;
  private readonly members: Int32Array;

  /** Buckets positions 0 … m − 1 at (`x[i]`, `y[i]`), about `perCell` to a cell. */
  constructor(x: Float64Array, y: Float64Array, perCell = 4) {
    const m = x.length;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < m; i++) {
      if (x[i] < minX) minX = x[i];
      if (x[i] > maxX) maxX = x[i];
      if (y[i] < minY) minY = y[i];
      if (y[i] > maxY) maxY = y[i];
    }
    const w = Math.max(0, maxX - minX), h = Math.max(0, maxY - minY);
    const cell = Math.max(Math.sqrt((w * h * perCell) / Math.max(1, m)), (Math.max(w, h) * perCell) / Math.max(1, m), 1e-9);
    this.minX = minX;
    this.minY = minY;
    this.cell = cell;
    this.cols = Math.floor(w / cell) + 1;
    this.rows = Math.floor(h / cell) + 1;
    const cells = this.cols * this.rows;
    const of = new Int32Array(m);
    const first = new Int32Array(cells + 1);
    for (let i = 0; i < m; i++) {
      of[i] = this.cellOf(x[i], y[i]);
      first[of[i] + 1]++;
    }
    for (let c = 0; c < cells; c++) first[c + 1] += first[c];
    const fill = first.slice(0, cells);
    const members = new Int32Array(m);
    for (let i = 0; i < m; i++) members[fill[of[i]]++] = i;
    this.first = first;
    this.members = members;
  }

  private colOf(px: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((px - this.minX) / this.cell)));
  }

  private rowOf(py: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((py - this.minY) / this.cell)));
  }

  private cellOf(px: number, py: number): number {
    return this.rowOf(py) * this.cols + this.colOf(px);
  }

  /**
   * Calls `visit(i)` for the positions ring by ring around the point (px, py)
   * (the cell holding it, or the nearest one, then its neighbours at Chebyshev
   * index 1, 2, …); after each ring r, stops when `enough(r · cell)` — every
   * position not visited yet is at least that far from the point.
   */
  visitByRings(px: number, py: number, visit: (i: number) => void, enough: (farther: number) => boolean): void {
    const cx = this.colOf(px), cy = this.rowOf(py);
    const maxRing = Math.max(cx, this.cols - 1 - cx, cy, this.rows - 1 - cy);
    for (let r = 0; r <= maxRing; r++) {
      const x0 = cx - r, x1 = cx + r, y0 = cy - r, y1 = cy + r;
      for (let gx = Math.max(0, x0); gx <= Math.min(this.cols - 1, x1); gx++) {
        if (y0 >= 0) this.visitCell(y0 * this.cols + gx, visit);
        if (r > 0 && y1 < this.rows) this.visitCell(y1 * this.cols + gx, visit);
      }
      for (let gy = Math.max(0, y0 + 1); gy <= Math.min(this.rows - 1, y1 - 1); gy++) {
        if (x0 >= 0) this.visitCell(gy * this.cols + x0, visit);
        if (r > 0 && x1 < this.cols) this.visitCell(gy * this.cols + x1, visit);
      }
      if (enough(r * this.cell)) return;
    }
  }

  private visitCell(c: number, visit: (i: number) => void): void {
    for (let k = this.first[c]; k < this.first[c + 1]; k++) visit(this.members[k]);
  }
}
