// The executor's machine: files, commands, threads. Each case tries every way it knows to a Node
// builtin; the marker file must not exist afterwards.
import { NOTHING, probe } from '../prelude';
import type { HostileCase } from '../types';

/** Script text: every `getBuiltinModule` the script can find, through globals and recovered globals. */
const LOADERS = `
async function loaders() {
  const globals = [globalThis, globalThis.global];
  for (const x of [function () {}, async function () {}, graph, console.log]) {
    try {
      const F = typeof x === 'function' ? x.constructor : x.constructor.constructor;
      globals.push(await unwrap(() => F('return this')()));
    } catch {}
  }
  const found = [];
  for (const g of globals) {
    try {
      if (g && g.process && typeof g.process.getBuiltinModule === 'function') found.push((id) => g.process.getBuiltinModule(id));
      if (g && typeof g.require === 'function') found.push(g.require);
    } catch {}
  }
  return found;
}`;

export const PROCESS_CASES: HostileCase[] = [
  {
    id: 'loader-module-scope',
    vector:
      "looks for the executor worker bundle's CommonJS names (`require`, `module`, `exports`) past the name check, on every global it can recover, to load `node:fs`",
    files: probe(`${LOADERS}
const reached = [];
const names = ['req' + 'uire', 'mod' + 'ule', 'exp' + 'orts', '__file' + 'name', '__dir' + 'name'];
const globals = [globalThis, globalThis.global, graph, console];
for (const x of [function () {}, graph.constructor]) {
  try { globals.push(await unwrap(() => x.constructor('return this')())); } catch {}
}
for (const g of globals) {
  for (const name of names) {
    try {
      let load = g && g[name];
      if (load && typeof load.require === 'function') load = load.require.bind(load);
      if (typeof load === 'function') { load('node:fs').writeFileSync('$MARKER$', name); reached.push(name); }
      else if (load !== undefined) reached.push(name + ' (seen)');
    } catch {}
  }
}
export default report(reached);`),
    layer: 'compartment',
    also: ['process'],
    contained: NOTHING,
    cli: true,
  },
  {
    id: 'fs-write-marker',
    vector: "writes the marker file with `fs.writeFileSync` through any loader of Node's builtins",
    files: probe(`${LOADERS}
const reached = [];
for (const load of await loaders()) {
  try { load('node:fs').writeFileSync('$MARKER$', 'hostile'); reached.push('fs.write'); } catch {}
}
export default report(reached);`),
    layer: 'compartment',
    also: ['process'],
    contained: NOTHING,
    cli: true,
  },
  {
    id: 'fs-read-secrets',
    vector: "reads the server's files and environment (`/etc/passwd`, `package.json`, `process.env`)",
    files: probe(`${LOADERS}
const reached = [];
for (const load of await loaders()) {
  try { load('node:fs').readFileSync('/etc/passwd', 'utf8'); reached.push('fs.read'); } catch {}
  try { if (Object.keys(load('node:process').env).length > 0) reached.push('env'); } catch {}
}
export default report(reached);`),
    layer: 'compartment',
    also: ['process'],
    contained: NOTHING,
  },
  {
    id: 'child-process-touch',
    vector: '`execSync` / `spawnSync` of `touch marker` through any loader of Node’s builtins',
    files: probe(`${LOADERS}
const reached = [];
for (const load of await loaders()) {
  try { load('node:child_process').execSync('touch $MARKER$'); reached.push('execSync'); } catch {}
  try { load('node:child_process').spawnSync('touch', ['$MARKER$']); reached.push('spawnSync'); } catch {}
}
export default report(reached);`),
    layer: 'compartment',
    also: ['process'],
    contained: NOTHING,
    cli: true,
  },
  {
    id: 'worker-threads-eval',
    vector: 'starts a `worker_threads` Worker with `eval: true` whose code writes the marker',
    files: probe(`${LOADERS}
const reached = [];
for (const load of await loaders()) {
  try {
    const { Worker } = load('node:worker_threads');
    new Worker("require('fs').writeFileSync('$MARKER$', 'x')", { eval: true });
    reached.push('Worker');
  } catch {}
}
await sleep(200);
export default report(reached);`),
    layer: 'compartment',
    also: ['process'],
    contained: NOTHING,
  },
  {
    id: 'native-addon-wasi',
    vector: '`process.dlopen`, `module.createRequire` and `node:wasi` to load native or file-system code',
    files: probe(`${LOADERS}
const reached = [];
for (const load of await loaders()) {
  try { load('node:module').createRequire('/')('fs'); reached.push('createRequire'); } catch {}
  try { if (typeof load('node:process').dlopen === 'function') reached.push('dlopen'); } catch {}
  try { new (load('node:wasi').WASI)({ version: 'preview1', preopens: { '/': '/' } }); reached.push('wasi'); } catch {}
}
export default report(reached);`),
    layer: 'compartment',
    also: ['process'],
    contained: NOTHING,
  },
];
