/**
 * Types of the VROOM adapter: what `fromVroom` keeps of the VROOM document in
 * the problem's `data` fields (so that `toVroom` can answer in VROOM's terms),
 * and VROOM's output document (docs/API.md, "Output").
 */

/** A VROOM location as the input gave it: coordinates and/or a matrix index. */
export interface VroomPlace {
  location?: [number, number];
  location_index?: number;
}

/** Kept in `job.data.vroom`, `shipment.pickup.data.vroom` and `shipment.delivery.data.vroom`. */
export interface VroomTaskData extends VroomPlace {
  description?: string;
}

/** VROOM's cost coefficients of a vehicle, defaults applied. */
export interface VroomCosts {
  fixed: number;
  per_hour: number;
  per_km: number;
  per_task_hour: number;
}

/** Kept in `vehicle.data.vroom`. */
export interface VroomVehicleData {
  description?: string;
  start?: VroomPlace;
  end?: VroomPlace;
  /** VROOM's profile name (default `car`). */
  profile: string;
  costs: VroomCosts;
  /** Whether the vehicle's travel cost comes from a `costs` matrix (then `per_hour` / `per_km` do not apply). */
  costMatrix: boolean;
  /** Whether distances are reported (VROOM: distance matrices given, or `per_km` used; vrpkit: also coordinates). */
  reportDistances: boolean;
}

/** Kept in `break.data.vroom`. */
export interface VroomBreakData {
  description?: string;
}

/** A VROOM violation (always empty lists in a solution: vrpkit reports only feasible plans). */
export interface VroomViolation {
  cause: string;
  duration?: number;
}

export interface VroomStep {
  type: 'start' | 'job' | 'pickup' | 'delivery' | 'break' | 'end';
  description?: string;
  location?: [number, number];
  location_index?: number;
  /** The job, pickup, delivery or break id (not on start and end). */
  id?: number;
  setup: number;
  service: number;
  waiting_time: number;
  /** Deprecated by VROOM, still written by it: the task id on job, pickup and delivery steps. */
  job?: number;
  /** Load after the step (omitted when the problem has no amounts). */
  load?: number[];
  arrival: number;
  /** Cumulated travel time upon arrival at this step. */
  duration: number;
  violations: VroomViolation[];
  /** Travelled distance upon arrival (when distances are reported). */
  distance?: number;
}

export interface VroomRoute {
  vehicle: number;
  cost: number;
  description?: string;
  delivery?: number[];
  /** Deprecated by VROOM (= delivery), still written by it. */
  amount?: number[];
  pickup?: number[];
  setup: number;
  /** Service time of the tasks plus break durations (as VROOM counts it). */
  service: number;
  /** Travel time. */
  duration: number;
  waiting_time: number;
  priority: number;
  distance?: number;
  steps: VroomStep[];
  violations: VroomViolation[];
}

/** An unassigned task: a job, or one stop of a shipment (VROOM lists both stops). */
export interface VroomUnassigned {
  id: number;
  location?: [number, number];
  location_index?: number;
  type: 'job' | 'pickup' | 'delivery';
  description?: string;
  /** vrpkit's reason (not in VROOM's output). */
  reason?: string;
}

export interface VroomSummary {
  cost: number;
  routes: number;
  /** Number of unassigned tasks (a shipment counts 2). */
  unassigned: number;
  delivery?: number[];
  amount?: number[];
  pickup?: number[];
  setup: number;
  service: number;
  duration: number;
  waiting_time: number;
  priority: number;
  distance?: number;
  violations: VroomViolation[];
}

/** VROOM's output document. */
export interface VroomOutput {
  code: 0;
  summary: VroomSummary;
  unassigned: VroomUnassigned[];
  routes: VroomRoute[];
}
