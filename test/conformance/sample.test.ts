import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nativeEngine, nodeEngine } from '../engine';
import { summarize } from './report';
import { runTest, type TestResult } from './runTest';
import { listTests } from './suite';

const ROOT = 'test/fixtures/test262';
const engines = { traced: nodeEngine(), native: nativeEngine() };
afterAll(() => Promise.all([engines.traced.shutdown(), engines.native.shutdown()]));
const harness = (name: string): string => readFileSync(join(ROOT, 'harness', name), 'utf8');

describe('test262 sample, natively and traced', () => {
  it('[T-CONF1] every vendored test that passes natively passes traced', { timeout: 180_000 }, async () => {
    const files = listTests(ROOT, 'test/language');
    const results: TestResult[] = [];
    for (const file of files)
      results.push(await runTest(engines, file, readFileSync(join(ROOT, file), 'utf8'), harness));
    const s = summarize(results);
    // the sample means something only if most of it runs and passes natively
    expect(s.run).toBeGreaterThan(files.length * 0.75);
    expect(s.nativePass).toBeGreaterThan(s.run * 0.8);
    expect(s.tracedFailures.map((r) => `${r.file}: ${r.traced?.outcome}`)).toEqual([]);
  });
});
