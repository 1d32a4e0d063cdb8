/**
 * Fuzzing the line-oriented readers (Solomon, CVRPLIB, DIMACS .gr/.co, VRPLIB
 * .sol) and the JSON text parser: valid samples mutated line by line (deleted,
 * duplicated, swapped, truncated lines; tokens replaced by hostile ones such
 * as 1e400, NaN, 2000000000) and random text. Every input must give a result
 * or a `VrpkitError` with a line pointer, never another exception. Seeded
 * (tests/setup.ts), a few hundred runs each: a few seconds in all.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSolomon } from '../../src/io/solomon.js';
import { parseCvrplib } from '../../src/io/cvrplib.js';
import { parseVrplibSolution } from '../../src/io/vrplib-solution.js';
import { parseJsonText } from '../../src/io/json-text.js';
import { detectFormat } from '../../src/io/detect.js';
import { parseProblemText } from '../../src/io/load.js';
import { RoadNetwork } from '../../src/network/road-network.js';
import { cleanOutcome, mutatedText } from './helpers.js';

const SOLOMON = `C1-tiny

VEHICLE
NUMBER     CAPACITY
  3         200

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      40         50          0          0       1236          0
    1      45         68         10        912        967         90
    2      45         70         30        825        870         90
    3      42         66         10         65        146         90
    4      42         68         10        727        782         90
`;

const CVRPLIB_EUC = `NAME : tiny
TYPE : CVRP
DIMENSION : 4
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 10
VEHICLES : 2
NODE_COORD_SECTION
1 0 0
2 3 4
3 6 8
4 0 5
DEMAND_SECTION
1 0
2 4
3 5
4 6
DEPOT_SECTION
 1
 -1
EOF
`;

const CVRPLIB_EXPLICIT = `NAME : m
TYPE : CVRP
DIMENSION : 3
EDGE_WEIGHT_TYPE : EXPLICIT
EDGE_WEIGHT_FORMAT : LOWER_DIAG_ROW
CAPACITY : 5
EDGE_WEIGHT_SECTION
0
7 0
9 4 0
DEMAND_SECTION
1 0
2 1
3 2
DEPOT_SECTION
1
-1
EOF
`;

const GR = `c weights in decimetres
p sp 4 5
a 1 2 10
a 2 3 20
a 3 4 5
a 4 1 7
a 2 4 1
`;
const CO = `p aux sp co 4
v 1 1000000 2000000
v 2 1001000 2000000
v 3 1001000 2001000
v 4 1000000 2001000
`;

const SOL = `Route #1: 1 3
Route #2: 2
Cost 27
`;

const runs = { numRuns: 400 };

describe('fuzzing the text readers', () => {
  it('Solomon: a problem or a VrpkitError at a line', () => {
    expect(cleanOutcome(() => parseSolomon(SOLOMON))).toBe('ok');
    fc.assert(fc.property(mutatedText(SOLOMON), (text) => void cleanOutcome(() => parseSolomon(text))), runs);
  });

  it('CVRPLIB (EUC_2D and EXPLICIT): a problem or a VrpkitError at a line', () => {
    expect(cleanOutcome(() => parseCvrplib(CVRPLIB_EUC))).toBe('ok');
    expect(cleanOutcome(() => parseCvrplib(CVRPLIB_EXPLICIT))).toBe('ok');
    fc.assert(fc.property(fc.oneof(mutatedText(CVRPLIB_EUC), mutatedText(CVRPLIB_EXPLICIT)), (text) => void cleanOutcome(() => parseCvrplib(text))), runs);
  });

  it('DIMACS .gr and .co: a network or a VrpkitError at gr:<line> / co:<line>', () => {
    expect(cleanOutcome(() => RoadNetwork.fromDimacs(GR, CO))).toBe('ok');
    fc.assert(
      fc.property(mutatedText(GR), fc.option(mutatedText(CO), { nil: null }), (gr, co) => {
        const out = cleanOutcome(() => {
          const net = RoadNetwork.fromDimacs(gr, co);
          // A parsed network answers queries without throwing anything but VrpkitError.
          if (net.nodeCount >= 2) net.shortestPath(1, 2);
        });
        if (out === 'ok') return;
      }),
      runs,
    );
  });

  it('VRPLIB .sol route files: routes or a VrpkitError at a line', () => {
    fc.assert(fc.property(mutatedText(SOL), (text) => void cleanOutcome(() => parseVrplibSolution(text))), runs);
  });

  it('format detection and the problem text reader agree with each other on any text', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedText(SOLOMON), mutatedText(CVRPLIB_EUC), mutatedText('{"jobs": []}')), (text) => {
        cleanOutcome(
          () => {
            const format = detectFormat(text, 'input');
            parseProblemText(text, format);
          },
          { rootAllowed: true },
        );
      }),
      runs,
    );
  });

  it('JSON text: a value, or a VrpkitError naming line and column', () => {
    const sample = JSON.stringify({ jobs: [{ id: 'a', location: [1, 2], timeWindows: [[0, 10]] }], travel: { type: 'haversine' } }, null, 1);
    fc.assert(
      fc.property(fc.oneof(mutatedText(sample), fc.json(), fc.string({ maxLength: 100 })), (text) => {
        const out = cleanOutcome(() => parseJsonText(text, 'the file'));
        if (out !== 'ok') expect(out).toBe('json');
      }),
      runs,
    );
    // Deep nesting is a value or a clean error, not a stack overflow.
    for (const depth of [10_000, 200_000]) {
      cleanOutcome(() => parseJsonText('['.repeat(depth) + ']'.repeat(depth)));
      cleanOutcome(() => parseJsonText('['.repeat(depth)));
    }
  });
});
