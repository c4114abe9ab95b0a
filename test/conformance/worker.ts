// One conformance worker process: hosted as the executor's workers host the engine (engine modules,
// then SES lockdown: `bench/host/register.mjs`), it runs the tests the parent sends, one at a time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeEngine } from '../engine';
import { runTest } from './runTest';

const root = process.argv[2] as string;
const engines = { traced: nodeEngine(), native: nodeEngine({ traced: false }) };
const cache = new Map<string, string>();
const harness = (name: string): string => {
  let text = cache.get(name);
  if (text === undefined) cache.set(name, (text = readFileSync(join(root, 'harness', name), 'utf8')));
  return text;
};

process.on('message', (file: string) => {
  void (async () => {
    const source = readFileSync(join(root, file), 'utf8');
    const result = await runTest(engines, file, source, harness).catch((e: unknown) => ({
      file,
      native: { pass: false, outcome: `runner crashed: ${String(e)}` },
    }));
    process.send?.(result);
  })();
});
process.send?.('ready');
