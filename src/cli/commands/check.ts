/**
 * `vrpkit check PROBLEM SOLUTION`: the independent checker (VROOM's plan
 * mode) on a solution file — a vrpkit solution JSON, VROOM's output, the short
 * `{ "routes": [{ "vehicle": 1, "jobs": [..] }] }` form, or a CVRPLIB/VRPLIB
 * `.sol` route file. Prints the checker report JSON (`feasible`, `violations`,
 * `summary`, re-derived `routes`). Exit 0 feasible, 3 infeasible (violations
 * listed), 2 bad input or usage, 1 internal error.
 */
import type { Command } from './types.js';
import { UsageError, numberOption, parseArgs, rejectUnknownOptions } from '../args.js';
import { checkSolution } from '../../model/check.js';
import { readInputText } from '../input.js';
import { readPlanFor } from '../../io/plan-input.js';
import { nonFiniteAsString } from '../../io/solution.js';
import { FORMAT_HELP, FORMAT_OPTIONS, HIERARCHY_HELP, loadProblemArg } from './problem-input.js';
import { inFile } from '../errors.js';

const HELP = `vrpkit check PROBLEM SOLUTION [options]

Re-derives every time, load, distance and cost of SOLUTION from PROBLEM alone
and prints the report as JSON: { "feasible", "violations", "summary", "routes" }.
SOLUTION is a vrpkit solution JSON (as printed by 'vrpkit solve'), the short form
{ "routes": [{ "vehicle": ID, "jobs": [IDS] }] }, VROOM's output (for a VROOM problem:
VROOM's own or vrpkit's; costs are not compared, VROOM rounds them), or a VRPLIB .sol route file
("Route #1: 5 3 7"; route k → vehicle k; for CVRPLIB problems customer c is node c+1;
for Li & Lim problems the numbers are task numbers, i.e. pickup and delivery stop ids).
Numbers stated in the solution are compared too (claim-mismatch).

Options:
${FORMAT_HELP}
${HIERARCHY_HELP}
  --tolerance X    allowed relative/absolute difference of stated numbers (default 1e-6)

Exit codes: 0 feasible, 3 infeasible, 2 bad input or usage, 1 internal error.`;

export const check: Command = {
  summary: 'check a solution against a problem (independent re-derivation)',
  help: HELP,
  async run(argv, context) {
    const args = parseArgs(argv);
    rejectUnknownOptions(args, [...FORMAT_OPTIONS, 'tolerance', 'hierarchy']);
    if (args.positional.length !== 2) throw new UsageError('check needs PROBLEM and SOLUTION files (see vrpkit check --help)');
    const tolerance = numberOption(args, 'tolerance');
    if (tolerance !== undefined && tolerance < 0) throw new UsageError('--tolerance must be non-negative');
    const { problem, format } = await loadProblemArg(args.positional[0], args, context?.limits);
    const solutionFile = args.positional[1];
    const report = inFile(solutionFile, () => {
      const text = readInputText(solutionFile, context?.limits);
      // Task-number route files name shipment stops by number (Li & Lim): they become pickup/delivery steps.
      const plan = readPlanFor(problem, text, format, context?.limits);
      return checkSolution(problem, plan, tolerance !== undefined ? { tolerance } : {});
    });
    const { feasible, summary, violations, routes } = report;
    process.stdout.write(JSON.stringify({ feasible, summary, violations, routes }, nonFiniteAsString, 2) + '\n');
    return report.feasible ? 0 : 3;
  },
};
