#!/usr/bin/env node
// The `stepgraph` command (package.json "bin"). The CLI is TypeScript built into dist-cli/ by
// `npm run build:cli`, which `npm install` runs through the `prepare` script.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const entry = new URL('../dist-cli/stepgraph.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('stepgraph: the CLI is not built yet; run `npm run build:cli` (npm install does it)\n');
  process.exit(3);
}
await import(entry.href);
