import { readFileSync } from 'node:fs';
import { parseSolomon } from '../../src/io/solomon.js';
import { compileProblem } from '../../src/solver/compile.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { LocalSearch } from '../../src/solver/localSearch.js';
import { Individual } from '../../src/solver/individual.js';
import { Splitter } from '../../src/solver/split.js';
import { Rng } from '../../src/core/rng.js';
const p = parseSolomon(readFileSync('/work/shared/instances/solomon/' + (process.argv[2] ?? 'R101') + '.txt', 'utf8'));
const cp = compileProblem(p, { granularSize: 30 });
const { slotType } = fleetSlots(cp);
const rng = new Rng(1);
const ls = new LocalSearch(cp, slotType, rng, process.argv[3] !== 'noswap');
const sp = new Splitter(ls.st, slotType);
const ind = new Individual(cp.n, slotType.length);
const c0 = process.cpuUsage();
for (let k = 0; k < 20; k++) {
  for (let i = 0; i < cp.n; i++) ind.tour[i] = i;
  rng.shuffle(ind.tour);
  sp.split(ind, 1, 1);
  const m0 = ls.nbMoves;
  const t1 = performance.now();
  ls.run(ind, 1, 1);
  console.log(`moves=${ls.nbMoves - m0} cost=${ind.penalisedCost.toFixed(1)} feas=${ind.feasible} routes=${ind.nbRoutes} ms=${(performance.now() - t1).toFixed(1)}`);
}
const c1 = process.cpuUsage(c0); console.log("cpu ms", (c1.user + c1.system) / 1000);
