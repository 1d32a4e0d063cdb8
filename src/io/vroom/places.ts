/**
 * Locations of a VROOM document. With custom matrices (`matrices`, or the
 * deprecated `matrix`) every task and vehicle end names a matrix row with
 * `location_index` / `start_index` / `end_index` (coordinates are optional and
 * only echoed in the output); without matrices every location is a `[lon, lat]`
 * pair and `*_index` keys are errors (as in VROOM). Coordinate pairs are
 * interned: equal pairs get one index, so they are the same location (setup
 * is not repeated between them), exactly as VROOM does.
 */
import type { VroomPlace } from './types.js';
import { type Issues, at, coordinates, has, uint } from './fields.js';

/** A location read from the document: the index the problem uses, and what the document said. */
export interface Place {
  /** Matrix row (index mode) or index into the interned points (coordinate mode). */
  index: number;
  vroom: VroomPlace;
}

/** Where a location index is used, for size checks against the matrices. */
export interface IndexUse {
  index: number;
  ptr: string;
  /** The profile of the vehicle whose start/end it is; undefined for a task (valid in every profile). */
  profile?: string;
}

export class Places {
  /** Coordinate mode: the distinct points, in order of first appearance. */
  readonly points: [number, number][] = [];
  /** Index mode: coordinates the document gave for a matrix row (first one wins). */
  readonly indexCoordinates = new Map<number, [number, number]>();
  /** Index mode: every index used, with its pointer. */
  readonly uses: IndexUse[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(
    readonly issues: Issues,
    /** Whether the document has custom matrices. */
    readonly indexMode: boolean,
  ) {}

  /**
   * Reads a location under `coordKey` / `indexKey` of `obj`. Returns undefined
   * when it is absent (reporting `required` when `required`) or invalid.
   */
  read(obj: Record<string, unknown>, ptr: string, coordKey: string, indexKey: string, required: boolean, profile?: string): Place | undefined {
    const issues = this.issues;
    const hasCoords = has(obj, coordKey);
    const hasIndex = has(obj, indexKey);
    const coords = hasCoords ? coordinates(issues, obj[coordKey], at(ptr, coordKey)) : undefined;
    if (this.indexMode) {
      if (!hasIndex) {
        if (required || hasCoords) {
          issues.add('required', at(ptr, indexKey), `with custom matrices every location needs ${indexKey} (a matrix row); ${coordKey} alone cannot be used`);
        }
        return undefined;
      }
      const index = uint(issues, obj[indexKey], at(ptr, indexKey), indexKey);
      if (index === undefined || (hasCoords && !coords)) return undefined;
      this.uses.push({ index, ptr: at(ptr, indexKey), profile });
      if (coords && !this.indexCoordinates.has(index)) this.indexCoordinates.set(index, coords);
      return { index, vroom: coords ? { location: coords, location_index: index } : { location_index: index } };
    }
    if (hasIndex) {
      issues.add('location', at(ptr, indexKey), `${indexKey} needs custom matrices ("matrices"); without them locations are [lon, lat] coordinates`);
      return undefined;
    }
    if (!hasCoords) {
      if (required) issues.add('required', at(ptr, coordKey), `${coordKey} is required: a [lon, lat] array (or ${indexKey} with custom matrices)`);
      return undefined;
    }
    if (!coords) return undefined;
    return { index: this.intern(coords), vroom: { location: coords } };
  }

  private intern(c: [number, number]): number {
    const key = `${c[0]},${c[1]}`;
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.points.length;
      this.points.push(c);
      this.byKey.set(key, index);
    }
    return index;
  }
}
