import { describe, expect, it } from 'vitest';
import { problemFromJson } from '../../src/io/json.js';
import { isVrpkitError } from '../../src/core/errors.js';

describe('route files: matrices as rows in profiles and cost matrices', () => {
  const doc = () => ({
    travel: { type: 'matrix', durations: [[0, 5], [5, 0]], costs: [[0, 2], [3, 0]] },
    profiles: { bike: { type: 'matrix', durations: [[0, 9], [8, 0]], distances: [[0, 1], [1, 0]] } },
    vehicles: [{ id: 1, start: 0, end: 0 }, { id: 2, start: 0, profile: 'bike' }],
    jobs: [{ id: 1, location: 1 }],
  });

  it('flattens rows of durations, distances and costs, also under profiles', () => {
    const p = problemFromJson(doc());
    expect(p.travel).toMatchObject({ size: 2, durations: [0, 5, 5, 0], costs: [0, 2, 3, 0] });
    expect(p.profiles!.bike).toMatchObject({ size: 2, durations: [0, 9, 8, 0], distances: [0, 1, 1, 0] });
  });

  it('names rows and entries of a profile matrix in the file’s own shape', () => {
    const d: any = doc();
    d.profiles.bike.durations = [[0, -9], [8]];
    try {
      problemFromJson(d);
      throw new Error('accepted');
    } catch (e) {
      if (!isVrpkitError(e)) throw e;
      expect(e.issues.map((i) => [i.code, i.pointer])).toEqual([
        ['matrix-size', '/profiles/bike/durations/1'],
        ['negative', '/profiles/bike/durations/0/1'],
        ['type', '/profiles/bike/durations/1/1'],
      ]);
    }
  });
});
