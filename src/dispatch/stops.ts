/**
 * Shipment stops in re-planning (docs/semantics.md, "Re-planning with shipments").
 *
 * Progress is tracked per plan task by one key: a job by its id, a shipment
 * stop by a reserved key (`stopKey`) that no job id of the problem or of the
 * new jobs uses. Events name a stop like a plan step does
 * (`{ type: 'pickup' | 'delivery', id?, shipment?, vehicle? }`); `TaskKeys`
 * turns steps and event entries into keys and keys back into what a plan shows.
 */
import { idKey } from '../model/ids.js';
import { stopId, taskOfStep, taskTable, type TaskTable } from '../model/tasks.js';
import type { Id, Job, Location, Problem, Shipment } from '../model/types.js';

export type StopType = 'pickup' | 'delivery';

/** A shipment stop reported served or in progress, named as a plan step names it. */
export interface StopEvent {
  type: StopType;
  /** The stop id (the stop's own id, else the shipment id). */
  id?: Id;
  /** The shipment id. */
  shipment?: Id;
  /** The vehicle that served it; must be the one whose route holds it in the plan. */
  vehicle?: Id;
}

/** What a task key names. */
export interface TaskRef {
  type: 'job' | StopType;
  /** The job id, or the stop id. */
  id: Id;
  /** The shipment id (stops). */
  shipment?: Id;
  /** Index in `problem.shipments` (stops), −1 for a job. */
  shipmentIndex: number;
}

/** Keys of the plan tasks of one problem (see the module comment). */
export interface TaskKeys {
  table: TaskTable;
  /** The key of a plan step that names a task (job id, or a stop key); undefined when it names none. */
  ofStep(step: { type: string; id?: Id; shipment?: Id }): Id | undefined;
  /** The key of shipment `s`'s pickup or delivery. */
  stop(s: number, which: StopType): string;
  /** What a stop key names; undefined for anything else (a job id). */
  stopOf(key: Id): TaskRef | undefined;
  /** The plan step fields (`type`, `id`, `shipment`) of a key. */
  ref(key: Id): TaskRef;
  /** The location of a task key in the problem; undefined for an unknown job. */
  location(key: Id, jobs: Map<Id, Job>): Location | undefined;
}

/** True for an event entry that names a shipment stop (an object with type pickup / delivery). */
export function isStopEvent(x: unknown): x is StopEvent {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const t = (x as { type?: unknown }).type;
  return t === 'pickup' || t === 'delivery';
}

/**
 * The task keys of `problem`; `newJobIds` (events' new jobs) are reserved too,
 * so that no stop key equals a job id.
 */
export function taskKeys(problem: Problem, newJobIds: readonly Id[] = []): TaskKeys {
  const table = taskTable(problem);
  const shipments: Shipment[] = problem.shipments ?? [];
  const taken = new Set<string>([...problem.jobs.map((j) => idKey(j.id)), ...newJobIds.map((id) => idKey(id))]);
  const keys: string[] = [];
  const byKey = new Map<string, TaskRef>();
  shipments.forEach((sh, s) => {
    for (const which of ['pickup', 'delivery'] as const) {
      let key = `${which}:${idKey(sh.id)}`;
      while (taken.has(key)) key += "'";
      taken.add(key);
      keys.push(key);
      byKey.set(key, { type: which, id: stopId(sh, which), shipment: sh.id, shipmentIndex: s });
    }
  });
  const stop = (s: number, which: StopType) => keys[2 * s + (which === 'pickup' ? 0 : 1)];
  const stopOf = (key: Id) => (typeof key === 'string' ? byKey.get(key) : undefined);
  return {
    table,
    ofStep(step) {
      if (step.type === 'job') return step.id;
      if (step.type !== 'pickup' && step.type !== 'delivery') return undefined;
      const t = taskOfStep(table, step);
      if (typeof t !== 'number') return undefined;
      return keys[t - table.jobCount];
    },
    stop,
    stopOf,
    ref(key) {
      return stopOf(key) ?? { type: 'job', id: key, shipmentIndex: -1 };
    },
    location(key, jobs) {
      const r = stopOf(key);
      if (r) return shipments[r.shipmentIndex][r.type as StopType].location;
      return jobs.get(key)?.location;
    },
  };
}
