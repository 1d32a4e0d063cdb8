import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'vrpkit-validate-'));

describe('vrpkit validate with the JSON Schema', () => {
  it('accepts the road-network fixture (travel.file, $schema)', () => {
    const r = runCli(['validate', 'fixtures/andorra-deliveries.json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, issues: [] });
    expect(r.status).toBe(0);
  });

  it('lists each bad field once, whether the reader or the schema found it', () => {
    const doc = JSON.parse(readFileSync('fixtures/city-deliveries.json', 'utf8'));
    doc.jobs[2].serviceDuration = -5;
    doc.$schema = 7;
    delete doc.vehicles[0].id;
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = runCli(['validate', file]);
    expect(r.status).toBe(2);
    const pointers = JSON.parse(r.stdout).issues.map((i: { pointer: string }) => i.pointer);
    expect([...pointers].sort()).toEqual(['/$schema', '/jobs/2/serviceDuration', '/vehicles/0/id']);
  });
});
