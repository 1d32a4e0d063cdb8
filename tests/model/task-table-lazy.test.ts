import { describe, expect, it } from 'vitest';
import { taskOfStep, taskTable } from '../../src/model/tasks.js';
import type { Problem } from '../../src/model/types.js';

// taskTable builds pointers on first read and its id maps on first use: both must
// give what the eager table gave (pointers per task, first occurrence wins on ids).
describe('taskTable (lazy pointers and id maps)', () => {
  const problem = {
    travel: { type: 'euclidean' },
    vehicles: [{ id: 'v', start: [0, 0] }],
    jobs: [
      { id: 1, location: [1, 1] },
      { id: 'b', location: [2, 2] },
    ],
    shipments: [
      { id: 's0', pickup: { location: [3, 3] }, delivery: { id: 'd0', location: [4, 4] } },
      { id: 's1', pickup: { id: 'p1', location: [5, 5] }, delivery: { location: [6, 6] } },
    ],
  } as unknown as Problem;

  it('gives the pointer of every task and the same lookups', () => {
    const table = taskTable(problem);
    expect(table.tasks.map((t) => t.pointer)).toEqual([
      '/jobs/0',
      '/jobs/1',
      '/shipments/0/pickup',
      '/shipments/0/delivery',
      '/shipments/1/pickup',
      '/shipments/1/delivery',
    ]);
    expect(table.tasks.map((t) => [t.kind, t.owner, t.id, t.shipment, t.partner])).toEqual([
      ['job', 0, 1, undefined, -1],
      ['job', 1, 'b', undefined, -1],
      ['pickup', 0, 's0', 's0', 3],
      ['delivery', 0, 'd0', 's0', 2],
      ['pickup', 1, 'p1', 's1', 5],
      ['delivery', 1, 's1', 's1', 4],
    ]);
    expect(taskOfStep(table, { type: 'job', id: '1' })).toBe(0);
    expect(taskOfStep(table, { type: 'delivery', id: 'd0' })).toBe(3);
    expect(taskOfStep(table, { type: 'pickup', shipment: 's1', id: 'p1' })).toBe(4);
    expect(taskOfStep(table, { type: 'job', id: 's0' })).toBe("s0 is a shipment: its steps are 'pickup' and 'delivery'");
    expect(taskOfStep(table, { type: 'pickup', id: 'x' })).toBe('pickup x is not in the problem');
    expect([...table.orders.keys()]).toEqual(['1', 'b', 's0', 's1']);
    expect([...table.pickups]).toEqual([['s0', 0], ['p1', 1]]);
    expect([...table.deliveries]).toEqual([['d0', 0], ['s1', 1]]);
  });

  it('looks numeric ids up without their string form, as the string map would (first occurrence, 0 and −0, "5" and 5)', () => {
    const numeric = {
      travel: { type: 'euclidean' },
      vehicles: [{ id: 'v', start: [0, 0] }],
      jobs: [
        { id: 5, location: [1, 1] },
        { id: 0, location: [2, 2] },
        { id: 5, location: [3, 3] },
        { id: 1.5, location: [4, 4] },
      ],
      shipments: [{ id: 9, pickup: { location: [3, 3] }, delivery: { location: [4, 4] } }],
    } as unknown as Problem;
    const table = taskTable(numeric);
    const byString = (id: unknown) => table.orders.get(String(id));
    for (const id of [5, '5', 0, -0, '0', 1.5, '1.5', 9, '9', 7, 'x']) {
      const o = byString(id);
      const expected = !o ? `job ${String(id)} is not in the problem` : o.kind === 'job' ? o.index : `${String(id)} is a shipment: its steps are 'pickup' and 'delivery'`;
      expect(taskOfStep(table, { type: 'job', id: id as number })).toBe(expected);
    }
    expect(taskOfStep(table, { type: 'pickup', shipment: 9 })).toBe(4);
    expect(taskOfStep(table, { type: 'delivery', shipment: 5 })).toBe('shipment 5 is not in the problem');
  });
});
