// A worker process that breaks the pool's protocol (`protocol/process.ts`) on purpose, the way a
// compromised one could: it says it is ready, then answers `run/start` with one kind of bad message.
// `rogueEntry` writes it into a folder as an entry file that `workerFactory` can start.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The ways a rogue worker answers a run. */
export const ROGUE_MODES = {
  /** Bytes that are no frame: their first four read as a length far over the bound. */
  garbage: "s.write(Buffer.from('this is not a frame at all'));",
  /** A frame announcing 2 GB, then bytes that never end it. */
  huge: 'const h = Buffer.alloc(4); h.writeUInt32BE(0x7fffffff); s.write(h); s.write(Buffer.alloc(65536));',
  /** A frame whose bytes are not JSON. */
  notJson: 'frame(\'{"tag": "run/done", \');',
  /** A tag the protocol does not have. */
  unknownTag: "send({ tag: 'run/pwned', id });",
  /** `run/done` with fields of the wrong types. */
  wrongShape: "send({ tag: 'run/done', id, outcome: { body: 42, ok: 'yes' } });",
  /** `run/done` with a field the protocol does not have. */
  extraField: "send({ tag: 'run/done', id, outcome: { body: '{}', ok: true }, forged: true });",
  /** An answer forged for a run it was never given. */
  foreignId: "send({ tag: 'run/done', id: id + 1, outcome: { body: '{\"ok\":true}', ok: true } });",
  /** Progress for a run it was never given. */
  foreignProgress: "send({ tag: 'run/progress', id: id + 7, steps: 1 });",
  /** An error phase the executor does not have. */
  badPhase: "send({ tag: 'run/done', id, outcome: { body: '{}', ok: false, error: { phase: 'pwned', code: 'X' } } });",
  /** A second `worker/ready`. */
  readyTwice: "send({ tag: 'worker/ready', imports: [] });",
  /** A binary frame (a trace chunk) whose bytes are no chunk. */
  chunkGarbage: 'binary(id, Buffer.from([1, 2, 3, 4, 5]));',
  /** A trace chunk for a run it was never given. */
  chunkForeign: 'binary(id + 1, chunk(0));',
  /** A well-framed chunk whose step names a statement its tables do not have. */
  chunkBadIndex: 'binary(id, chunk(7));',
  /** A huge string inside a well-formed frame that is still under the bound: accepted as a body, no crash. */
  bigBody: "send({ tag: 'run/done', id, outcome: { body: 'x'.repeat(8 * 2 ** 20), ok: true } });",
} as const;

/** A rogue worker's kind. */
export type RogueMode = keyof typeof ROGUE_MODES;

const source = (mode: RogueMode): string => `
const net = process.getBuiltinModule('node:net');
const s = new net.Socket({ fd: 3, readable: true, writable: true });
const frame = (text) => {
  const json = Buffer.from(text);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(json.length);
  s.write(Buffer.concat([head, json]));
};
const send = (message) => frame(JSON.stringify(message));
const binary = (id, bytes) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE((0x80000000 | (4 + bytes.length)) >>> 0, 0);
  head.writeUInt32BE(id, 4);
  s.write(Buffer.concat([head, bytes]));
};
// a chunk of one step, naming statement number "statement", of a trace that has statement 0 only
const chunk = (statement) => {
  const tables = { files: ['main.ts'], names: ['main.ts'], statements: [{ file: 0, line: 1, column: 1 }], slots: [] };
  const lengths = [1, ...Array(17).fill(0)];
  const head = Buffer.from(JSON.stringify({ index: 0, tables, modules: [], wide: false, lengths, strings: [], others: [], output: [], graphOps: [] }));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  const step = Buffer.alloc(2);
  step.writeUInt16LE(statement);
  return Buffer.concat([size, head, step]);
};
s.on('close', () => process.exit(0));
send({ tag: 'worker/ready', imports: ['graphology'] });
let pending = Buffer.alloc(0);
s.on('data', (d) => {
  pending = Buffer.concat([pending, d]);
  while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
    const n = pending.readUInt32BE(0);
    const m = JSON.parse(pending.subarray(4, 4 + n).toString());
    pending = pending.subarray(4 + n);
    if (m.tag === 'run/start') {
      const id = m.id;
      ${ROGUE_MODES[mode]}
    }
  }
});
`;

/** Writes a rogue worker for `mode` into `dir` (created), with a package.json above it as in an install; returns its file name. */
export function rogueEntry(dir: string, mode: RogueMode): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dirname(dir), 'package.json'), '{"type":"module"}');
  writeFileSync(join(dir, `${mode}.js`), source(mode));
  return `${mode}.js`;
}
