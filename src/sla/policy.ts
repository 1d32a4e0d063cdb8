/**
 * The SLA policy: how long each stage of an order may take, counted from the
 * previous stage. Delivery has no duration here: it is due by the time promised
 * to the customer (`promisedBy` on the order).
 */
import type { InputIssue } from '../core/errors.js';

export interface SlaPolicy {
  /** Accepted within this many ms of receipt. Default 1 h. */
  acceptWithinMs: number;
  /** Processed (confirmed, picked, packed, driver assigned) within this many ms of acceptance. Default 2 h. */
  processWithinMs: number;
  /** Departed (its vehicle leaves the depot) within this many ms of processing. Default 3 h. */
  departWithinMs: number;
}

/** The standard policy: accept within 1 h, process within 2 h, depart within 3 h. */
export const DEFAULT_SLA_POLICY: Readonly<SlaPolicy> = Object.freeze({
  acceptWithinMs: 3_600_000,
  processWithinMs: 7_200_000,
  departWithinMs: 10_800_000,
});

const POLICY_KEYS = ['acceptWithinMs', 'processWithinMs', 'departWithinMs'] as const;

/**
 * Checks a (partial) policy given by a user and returns every problem, with
 * pointers under `base` (e.g. `/orders/3/policy`). Unknown keys are refused so
 * that a typo (`acceptWithin`) does not silently fall back to the default.
 */
export function policyIssues(value: unknown, base: string): InputIssue[] {
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ code: 'sla-policy', pointer: base, message: 'policy must be an object' }];
  }
  const issues: InputIssue[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) {
      issues.push({
        code: 'sla-policy',
        pointer: `${base}/${key}`,
        message: `unknown policy field '${key}' (known: ${POLICY_KEYS.join(', ')})`,
      });
    } else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      issues.push({ code: 'sla-policy', pointer: `${base}/${key}`, message: `${key} must be a finite number ≥ 0 (milliseconds)` });
    }
  }
  return issues;
}

/**
 * The policy that applies to one order: the defaults, overridden by the global
 * policy, overridden by the order's own policy. Inputs must have passed `policyIssues`.
 */
export function resolvePolicy(global?: Partial<SlaPolicy>, perOrder?: Partial<SlaPolicy>): SlaPolicy {
  return {
    acceptWithinMs: perOrder?.acceptWithinMs ?? global?.acceptWithinMs ?? DEFAULT_SLA_POLICY.acceptWithinMs,
    processWithinMs: perOrder?.processWithinMs ?? global?.processWithinMs ?? DEFAULT_SLA_POLICY.processWithinMs,
    departWithinMs: perOrder?.departWithinMs ?? global?.departWithinMs ?? DEFAULT_SLA_POLICY.departWithinMs,
  };
}
