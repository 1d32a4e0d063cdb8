/**
 * A corpus of hostile inputs for the `vrpkit` command: huge header counts,
 * gzip bombs and corrupt gzip, wrongly typed JSON, bad UTF-8, directories and
 * devices as files, garbage text, across every command and format. Each case
 * must end with exit 2, exactly one JSON error object on stderr naming a
 * pointer or line, no stack trace, and bounded memory and time.
 *
 * `writeCorpus(dir)` writes the files and returns the cases; the corpus test
 * (`hostile.test.ts`) and the bench (`bench/hostile.ts`) both run it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface HostileCase {
  /** Short unique name. */
  name: string;
  /** Arguments after `vrpkit` (file names already joined with the corpus folder). */
  args: string[];
  /** True for the expensive ones (bombs, counts just under a limit): the bench measures them. */
  heavy?: boolean;
  /** Too slow for the test suite (several seconds each); run by the bench only. A cheaper twin with lowered limits is in the test. */
  benchOnly?: boolean;
}

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = (name: string) => readFileSync(join(REPO, 'fixtures', name), 'utf8');

/** A gzip file of `members` members, each `size` bytes of `byte` (a bomb: ~1 000 : 1). */
function gzipBomb(members: number, size: number, byte = 0x20): Buffer {
  const member = gzipSync(Buffer.alloc(size, byte), { level: 9 });
  return Buffer.concat(Array.from({ length: members }, () => member));
}

/**
 * Writes the corpus files into `dir` and returns the cases. With
 * `{ benchOnly: false }` the bench-only cases are left out and their (large)
 * files are not written.
 */
export function writeCorpus(dir: string, options: { benchOnly?: boolean } = {}): HostileCase[] {
  const big = options.benchOnly !== false;
  mkdirSync(dir, { recursive: true });
  const cases: HostileCase[] = [];
  const file = (name: string, content: string | Uint8Array): string => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  const add = (name: string, args: string[], heavy = false, benchOnly = false) => cases.push({ name, args, heavy, benchOnly });

  const city = JSON.parse(fixture('city-deliveries.json'));
  const small = { ...city, jobs: city.jobs.slice(0, 5) };
  const smallText = JSON.stringify(small);
  const planDoc = JSON.parse(fixture('replan-plan.json'));
  const events = JSON.parse(fixture('replan-events.json'));
  const slaOrders = JSON.parse(fixture('sla-orders.json'));
  const clusterPoints = JSON.parse(fixture('cluster-points.json'));

  // --- road networks (DIMACS) --------------------------------------------------
  const gr = (name: string, text: string) => file(name, text);
  const points = file('points.json', '[1, 2]');
  const dimacs: [string, string][] = [
    ['p-sp-2e9-nodes', 'c tiny file, huge header\np sp 2000000000 5\n'],
    ['p-sp-1e12-arcs', 'p sp 4 1000000000000\na 1 2 3\n'],
    ['p-sp-1e12-exp', 'p sp 4 1e12\n'],
    ['p-sp-arcs-beyond-file', 'p sp 4 20000000\na 1 2 3\n'],
    ['p-sp-negative', 'p sp -5 2\n'],
    ['p-sp-fraction', 'p sp 4.5 2\n'],
    ['p-sp-nan', 'p sp NaN 2\n'],
    ['p-sp-missing', 'a 1 2 3\n'],
    ['arc-out-of-range', 'p sp 3 1\na 1 9 3\n'],
    ['arc-weight-nan', 'p sp 3 1\na 1 2 x\n'],
    ['arc-weight-inf', 'p sp 3 1\na 1 2 1e400\n'],
    ['arc-negative', 'p sp 3 1\na 1 2 -1\n'],
    ['two-p-lines', 'p sp 3 1\np sp 3 1\n'],
    ['binary-garbage', '\u0000\u0001\u0002garbage\u00ff'],
    ['empty', ''],
  ];
  for (const [name, text] of dimacs) {
    const p = gr(`${name}.gr`, text);
    add(`path ${name}`, ['path', '--network', p, '--from', '1', '--to', '2']);
  }
  add('matrix p-sp-2e9', ['matrix', '--network', join(dir, 'p-sp-2e9-nodes.gr'), '--points', points]);
  const goodGr = 'c decimetres\np sp 3 2\na 1 2 10\na 2 3 10\n';
  gr('good.gr', goodGr);
  file('good.co', 'p aux sp co 3\nv 1 1000000 2000000\nv 2 3000000 4000000\n');
  file('corange.gr', goodGr);
  file('corange.co', 'p aux sp co 3\nv 9 1000000 2000000\n');
  add('co out-of-range node', ['path', '--network', join(dir, 'corange.gr'), '--from', '1', '--to', '2']);
  file('badco.gr', goodGr);
  file('badco.co', 'p aux sp co 3\nv 1 999000000000 1\n');
  add('co not degrees', ['path', '--network', join(dir, 'badco.gr'), '--from', '1', '--to', '2']);
  file('corrupt.gr.gz', Buffer.concat([gzipSync(Buffer.from(goodGr)).subarray(0, 20), Buffer.alloc(40, 0x5a)]));
  add('path corrupt gzip', ['path', '--network', join(dir, 'corrupt.gr.gz'), '--from', '1', '--to', '2']);
  file('truncated.gr.gz', gzipSync(Buffer.from(goodGr.repeat(50))).subarray(0, 30));
  add('path truncated gzip', ['path', '--network', join(dir, 'truncated.gr.gz'), '--from', '1', '--to', '2']);
  file('bomb.gr.gz', gzipBomb(300, 1 << 20, 0x63 /* c */));
  add('path gzip bomb 300 MB', ['path', '--network', join(dir, 'bomb.gr.gz'), '--from', '1', '--to', '2'], true, true);
  add('path gzip bomb 300 MB, network-bytes=32 MiB', ['path', '--network', join(dir, 'bomb.gr.gz'), '--from', '1', '--to', '2', '--limits', 'network-bytes=33554432'], true);
  add('path network is a directory', ['path', '--network', dir + '/sub.gr', '--from', '1', '--to', '2']);
  mkdirSync(join(dir, 'sub.gr'), { recursive: true });
  add('path missing network', ['path', '--network', join(dir, 'nope.gr'), '--from', '1', '--to', '2']);
  add('path unknown node', ['path', '--network', join(dir, 'good.gr'), '--from', '1', '--to', '99']);
  add('matrix points not json', ['matrix', '--network', join(dir, 'good.gr'), '--points', file('points-bad.json', '[1, 2')]);
  add('matrix points wrong type', ['matrix', '--network', join(dir, 'good.gr'), '--points', file('points-obj.json', '{"points": "1,2"}')]);
  add('matrix unknown point', ['matrix', '--network', join(dir, 'good.gr'), '--points', file('points-99.json', '[1, 99]')]);
  add('matrix 10^5 points (10^10 cells)', ['matrix', '--network', join(dir, 'good.gr'), '--points', file('points-1e5.json', JSON.stringify(Array.from({ length: 100_000 }, (_, i) => 1 + (i % 3))))]);

  // --- CVRPLIB -----------------------------------------------------------------
  const vrp = (dimension: string, extra = '', body = '') =>
    `NAME : h\nTYPE : CVRP\nDIMENSION : ${dimension}\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\n${extra}${body}NODE_COORD_SECTION\n1 0 0\n2 1 1\nDEMAND_SECTION\n1 0\n2 1\nDEPOT_SECTION\n1\n-1\nEOF\n`;
  const cvrplib: [string, string][] = [
    ['dimension-2e8', vrp('200000000')],
    ['dimension-1e9', vrp('1000000000')],
    ['dimension-1e9-exp', vrp('1e9')],
    ['vehicles-1e12', vrp('2', 'VEHICLES : 1000000000000\n')],
    ['explicit-1e5', vrp('100000').replace('EUC_2D', 'EXPLICIT\nEDGE_WEIGHT_FORMAT : FULL_MATRIX').replace('NODE_COORD_SECTION', 'EDGE_WEIGHT_SECTION\n0 1 1 0\nNODE_COORD_SECTION')],
    ['explicit-short', vrp('3').replace('EUC_2D', 'EXPLICIT\nEDGE_WEIGHT_FORMAT : LOWER_ROW').replace('NODE_COORD_SECTION', 'EDGE_WEIGHT_SECTION\n1 2\nNODE_COORD_SECTION')],
    ['explicit-long', vrp('2').replace('EUC_2D', 'EXPLICIT\nEDGE_WEIGHT_FORMAT : FULL_MATRIX').replace('NODE_COORD_SECTION', `EDGE_WEIGHT_SECTION\n${'0 '.repeat(100000)}\nNODE_COORD_SECTION`)],
    ['missing-sections', 'NAME : x\nTYPE : CVRP\nDIMENSION : 5\n'],
    ['garbage-lines', `${'@@@ !!!\n'.repeat(5000)}`],
    ['demand-negative', vrp('2').replace('2 1\nDEPOT', '2 -4\nDEPOT')],
    ...(big ? [['1.5e7-lines-of-data', 'NAME : x\nDIMENSION : 5\nNODE_COORD_SECTION\n' + '1\n'.repeat(15_000_000)] as [string, string]] : []),
  ];
  for (const [name, text] of cvrplib) add(`solve cvrplib ${name}`, ['solve', file(`${name}.vrp`, text)], name.startsWith('1.5e7'), name.startsWith('1.5e7'));
  file('bomb.vrp.gz', gzipBomb(200, 1 << 20, 0x30));
  add('solve cvrplib gzip bomb 200 MB', ['solve', join(dir, 'bomb.vrp.gz')], true);
  if (big) {
    file('tokens.vrp.gz', gzipSync(Buffer.from(vrp('4000').replace('EUC_2D', 'EXPLICIT\nEDGE_WEIGHT_FORMAT : FULL_MATRIX').replace('NODE_COORD_SECTION', `EDGE_WEIGHT_SECTION\n${'7 '.repeat(17_000_000)}\nNODE_COORD_SECTION`))));
    add('solve cvrplib 17M-value matrix (gzip)', ['solve', join(dir, 'tokens.vrp.gz')], true, true);
  }

  // --- Solomon -------------------------------------------------------------------
  const solomon = (number: string, rows: string) =>
    `X\n\nVEHICLE\nNUMBER     CAPACITY\n  ${number}         200\n\nCUSTOMER\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n${rows}`;
  const depotRow = '    0      40         50          0          0       1236          0\n';
  const solomonCases: [string, string][] = [
    ['number-2e9', solomon('2000000000', depotRow + '    1      45         68         10        912        967         90\n')],
    ['number-1e15', solomon('1e15', depotRow)],
    ['no-customers', solomon('25', depotRow)],
    ['rows-garbage', solomon('25', depotRow + 'x y z\n'.repeat(1000))],
    ['ready-after-due', solomon('25', depotRow + '    1      45         68         10        999        967         90\n')],
    ['no-vehicle-section', 'C101\nCUSTOMER\n0 1 2 3 4 5 6\n'],
    ...(big ? [['30-MB-of-newlines', 'VEHICLE\nCUSTOMER\n' + '\n'.repeat(30_000_000)] as [string, string]] : []),
    ['4e6-rows', solomon('25', '0 1 2 3 4 5 6\n'.repeat(4_000_000))],
  ];
  for (const [name, text] of solomonCases) add(`solve solomon ${name}`, ['solve', file(`${name}.txt`, text), '--format', 'solomon'], name.startsWith('30-MB'), name.startsWith('30-MB'));

  // --- JSON route files ------------------------------------------------------------
  const json: [string, string | Uint8Array][] = [
    ['not-json', '{"jobs": ['],
    ['empty', ''],
    ['null', 'null'],
    ['array', '[]'],
    ['string', '"route"'],
    ['deep-nesting', '['.repeat(200_000) + ']'.repeat(200_000)],
    ['deep-object', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)],
    ['jobs-string', JSON.stringify({ ...small, jobs: 'many' })],
    ['vehicles-object', JSON.stringify({ ...small, vehicles: { id: 1 } })],
    ['travel-missing', JSON.stringify({ jobs: small.jobs, vehicles: small.vehicles })],
    ['matrix-size-1e9', JSON.stringify({ ...small, travel: { type: 'matrix', size: 1e9, durations: [0] } })],
    ['matrix-size-1e5', JSON.stringify({ ...small, travel: { type: 'matrix', size: 100000, durations: [0, 1, 1, 0] } })],
    ['matrix-ragged', JSON.stringify({ ...small, travel: { type: 'matrix', durations: [[0, 1], [1]] } })],
    ['matrix-negative', JSON.stringify({ jobs: [{ id: 1, location: 1 }], vehicles: [{ id: 'v', start: 0 }], travel: { type: 'matrix', size: 2, durations: [0, -1, 1, 0] } })],
    ['too-many-jobs', JSON.stringify({ ...small, jobs: Array.from({ length: 200_001 }, (_, i) => ({ id: i, location: [0, 0] })) })],
    ['numbers-as-strings', JSON.stringify({ ...small, jobs: small.jobs.map((j: any) => ({ ...j, serviceDuration: 'long' })) })],
    ['huge-numbers', smallText.replace(/"serviceDuration":\s*\d+/, '"serviceDuration": 1e999')],
    ['capacity-nan', JSON.stringify({ ...small, vehicles: small.vehicles.map((v: any) => ({ ...v, capacity: ['NaN'] })) })],
    ['duplicate-job-ids', JSON.stringify({ ...small, jobs: [small.jobs[0], small.jobs[0]] })],
    ['window-reversed', JSON.stringify({ ...small, jobs: [{ ...small.jobs[0], timeWindows: [[100, 50]] }] })],
    ['proto-key', `{"__proto__": {"jobs": []}, "constructor": {"prototype": {"x": 1}}, ${smallText.slice(1)}`],
    ['bad-utf8-id', Buffer.concat([Buffer.from('{"jobs":[{"id":"caf'), Buffer.from([0xe9]), Buffer.from(`","location":[4.8,45.7]}],"vehicles":[{"id":"v","start":[4.8,45.7]}],"travel":{"type":"haversine"}}`)])],
    ['utf16', Buffer.from('\ufeff' + smallText, 'utf16le')],
    ['network-file-missing', JSON.stringify({ ...small, travel: { type: 'network', file: 'nope.gr' } })],
    ['network-file-huge-header', JSON.stringify({ ...small, travel: { type: 'network', file: 'p-sp-2e9-nodes.gr' } })],
    ['network-file-arcs-1e12', JSON.stringify({ ...small, travel: { type: 'network', file: 'p-sp-1e12-arcs.gr' } })],
    ['network-file-bomb', JSON.stringify({ ...small, travel: { type: 'network', file: 'bomb.gr.gz' } })],
    ['network-file-directory', JSON.stringify({ ...small, travel: { type: 'network', file: 'sub.gr' } })],
    ['capacity-1e6-dimensions', JSON.stringify({ travel: { type: 'euclidean' }, vehicles: [{ id: 'v', start: [0, 0], capacity: Array(1_000_000).fill(500) }], jobs: [0, 1, 2].map((i) => ({ id: i, location: [i, i], delivery: Array(1_000_000).fill(1) })) })],
    ['network-file-number', JSON.stringify({ ...small, travel: { type: 'network', file: 42 } })],
    ...(big
      ? ([
          ['30-MB-of-empty-arrays', '{"jobs":[' + '[],'.repeat(10_000_000) + '[]]}'],
          ['coordinates-3e6', JSON.stringify({ ...small, travel: { type: 'euclidean', coordinates: Array(3_000_000).fill([1, 2]) } })],
        ] as [string, string][])
      : []),
    // with a shipment the problem is solved whole, so its travel would be one 5,002² matrix (without, 5,000 jobs go zone by zone)
    ['network-5000-locations', JSON.stringify({ ...small, jobs: Array.from({ length: 5000 }, (_, i) => ({ id: i, location: [4.8 + i * 1e-4, 45.7] })), shipments: [{ id: 's', pickup: { location: [4.7, 45.6] }, delivery: { location: [4.7, 45.5] } }], travel: { type: 'network', file: 'good.gr' } })],
  ];
  const bigJson = new Set(['network-file-bomb', '30-MB-of-empty-arrays', 'coordinates-3e6']);
  for (const [name, text] of json) add(`solve json ${name}`, ['solve', file(`${name}.json`, text)], bigJson.has(name), bigJson.has(name));
  add('solve json network-file-bomb, network-bytes=32 MiB', ['solve', join(dir, 'network-file-bomb.json'), '--limits', 'network-bytes=33554432'], true);
  add('validate json jobs-string', ['validate', join(dir, 'jobs-string.json')]);
  add('validate json matrix-size-1e9', ['validate', join(dir, 'matrix-size-1e9.json')]);
  add('validate json deep-nesting', ['validate', join(dir, 'deep-nesting.json')]);
  file('corrupt.json.gz', Buffer.concat([gzipSync(Buffer.from(smallText)).subarray(0, 30), Buffer.alloc(30, 0xee)]));
  add('solve corrupt json.gz', ['solve', join(dir, 'corrupt.json.gz')]);
  file('bad-crc.json.gz', (() => {
    const g = Buffer.from(gzipSync(Buffer.from(smallText)));
    g[g.length - 6] ^= 0xff;
    return g;
  })());
  add('solve json.gz with a bad checksum', ['solve', join(dir, 'bad-crc.json.gz')]);
  if (big) {
    file('objects.json.gz', gzipSync(Buffer.from('{"x":[' + '{},'.repeat(20_000_000) + '{}]}')));
    add('solve 60 MB of {} in 60 KB of gzip', ['solve', join(dir, 'objects.json.gz')], true, true);
  }
  file('bomb.json.gz', gzipBomb(600, 1 << 20));
  add('solve json gzip bomb 600 MB', ['solve', join(dir, 'bomb.json.gz')], true);
  add('solve a directory', ['solve', dir]);
  add('solve a missing file', ['solve', join(dir, 'missing.json')]);
  add('solve /dev/zero', ['solve', '/dev/zero', '--format', 'json'], true);
  add('solve /dev/null', ['solve', '/dev/null', '--format', 'json']);
  add('solve unknown format', ['solve', file('unknown.txt', 'hello\n')]);
  add('solve output is a directory', ['solve', join(REPO, 'fixtures', 'city-deliveries.json'), '--max-iterations', '1', '--output', dir]);

  // --- check -------------------------------------------------------------------------
  const problemFile = file('small.json', smallText);
  const solutions: [string, string | Uint8Array][] = [
    ['not-json', '{"routes": '],
    ['routes-string', '{"routes": "all"}'],
    ['steps-object', '{"routes": [{"vehicle": "van-1", "steps": {"type": "job"}}]}'],
    ['step-type-unknown', '{"routes": [{"vehicle": "van-1", "steps": [{"type": "teleport"}]}]}'],
    ['unassigned-number', '{"routes": [], "unassigned": 5}'],
    ['null', 'null'],
    ['sol-garbage', 'Route #1: a b c\nCost x\n'],
    ['bad-utf8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ...(big
      ? ([
          ['short-form-1.5e7-jobs', '{"routes": [{"vehicle": "van-1", "jobs": [' + '1,'.repeat(15_000_000) + '1]}]}'],
          ['sol-1.5e7-customers', 'Route #1: ' + '1 '.repeat(15_000_000) + '\n'],
          ['30-MB-of-newlines', '\n'.repeat(30_000_000)],
          ['60-MB-file', '\n'.repeat(60_000_000)],
        ] as [string, string][])
      : []),
  ];
  const bigSolution = (name: string) => /^(short-form|sol-1|30-MB|60-MB)/.test(name);
  for (const [name, text] of solutions) add(`check ${name}`, ['check', problemFile, file(`solution-${name}.json`, text)], bigSolution(name), bigSolution(name));

  // --- replan ----------------------------------------------------------------------------
  const planFile = file('plan.json', JSON.stringify(planDoc));
  const eventCases: [string, unknown][] = [
    ['newJobs-string', { ...events, newJobs: 'two new orders' }],
    ['vehiclePositions-object', { ...events, vehiclePositions: { vehicle: 'van-1' } }],
    ['cancelled-number', { ...events, cancelled: 7 }],
    ['served-number', { ...events, served: 3 }],
    ['inProgress-string', { ...events, inProgress: 'ord-2008' }],
    ['travelUpdates-object', { ...events, travelUpdates: { from: 0 } }],
    ['closures-string', { ...events, closures: 'A1' }],
    ['speedFactors-number', { ...events, speedFactors: 2 }],
    ['now-string', { ...events, now: 'eleven' }],
    ['newJobs-null-items', { ...events, newJobs: [null, 3] }],
    ['positions-null-items', { ...events, vehiclePositions: [null, 'x'] }],
    ['array', [events]],
    ['null', null],
  ];
  for (const [name, value] of eventCases) add(`replan events ${name}`, ['replan', planFile, file(`events-${name}.json`, JSON.stringify(value))]);
  add('replan plan without solution', ['replan', file('plan-nosolution.json', JSON.stringify({ problem: planDoc.problem })), join(REPO, 'fixtures', 'replan-events.json')]);
  add('replan plan problem too many jobs', [
    'replan',
    file('plan-big.json', JSON.stringify({ ...planDoc, problem: { ...planDoc.problem, jobs: Array.from({ length: 200_001 }, (_, i) => ({ id: i, location: [0, 0] })) } })),
    join(REPO, 'fixtures', 'replan-events.json'),
  ]);
  const planBomb = file('plan-bomb.json', JSON.stringify({ ...planDoc, problem: { ...planDoc.problem, travel: { type: 'network', file: 'bomb.gr.gz' } } }));
  add('replan plan network bomb', ['replan', planBomb, join(REPO, 'fixtures', 'replan-events.json')], true, true);
  add('replan plan network bomb, network-bytes=32 MiB', ['replan', planBomb, join(REPO, 'fixtures', 'replan-events.json'), '--limits', 'network-bytes=33554432'], true);

  // --- sla -----------------------------------------------------------------------------------
  const slaCases: [string, unknown][] = [
    ['orders-string', { ...slaOrders, orders: 'all' }],
    ['orders-object', { ...slaOrders, orders: { id: 1 } }],
    ['orders-numbers', { ...slaOrders, orders: [1, 2, 3] }],
    ['order-bad-time', { ...slaOrders, orders: [{ ...slaOrders.orders[0], receivedAt: 'yesterday' }] }],
    ['order-no-id', { ...slaOrders, orders: [{ receivedAt: slaOrders.orders[0].receivedAt }] }],
    ['policy-string', { ...slaOrders, policy: 'strict' }],
    ['policy-negative', { ...slaOrders, policy: { acceptWithinMs: -5 } }],
    ['now-object', { ...slaOrders, now: { at: 5 } }],
    ['now-huge', { ...slaOrders, now: 1e300 }],
    ['not-object', 42],
  ];
  for (const [name, value] of slaCases) add(`sla ${name}`, ['sla', file(`sla-${name}.json`, JSON.stringify(value))]);

  // --- cluster -----------------------------------------------------------------------------------
  const clusterCases: [string, unknown, string[]][] = [
    ['points-string', { points: 'many' }, ['--k', '3']],
    ['points-short-pairs', { points: [[1], [2, 3]] }, ['--k', '1']],
    ['points-nan', { points: [{ location: ['x', 1] }] }, ['--k', '1']],
    ['k-1e9', clusterPoints, ['--k', '1000000000']],
    ['k-fraction', clusterPoints, ['--k', '2.5']],
    ['max-demand-negative', clusterPoints, ['--max-demand', '-1']],
    ['demand-string', { points: [{ location: [1, 2], demand: 'heavy' }] }, ['--k', '1']],
    ['depot-string', { ...clusterPoints, depot: 'here' }, ['--k', '2']],
    ['50k-points-50k-zones', { points: Array.from({ length: 50_000 }, (_, i) => [Math.sin(i), Math.cos(1.3 * i)]) }, ['--max-demand', '1']],
  ];
  for (const [name, value, extra] of clusterCases) add(`cluster ${name}`, ['cluster', file(`cluster-${name}.json`, JSON.stringify(value)), ...extra]);

  // --- usage -----------------------------------------------------------------------------------------
  add('usage unknown command', ['teleport']);
  add('usage bad limits', ['solve', problemFile, '--limits', 'jobs=-3']);
  add('usage limits lowered', ['solve', problemFile, '--limits', 'jobs=2']);
  return options.benchOnly === false ? cases.filter((c) => !c.benchOnly) : cases;
}
