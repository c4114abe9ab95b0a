// The Node worker thread's entry (the headless executor's pool runs one per thread): it hosts the
// very same engine as the browser's worker and exposes `headlessApi` with Comlink's node adapter.
import './harden';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter';
import { Engine } from '../executor/engine';
import { headlessApi } from './headlessApi';
import { nodeHost } from './nodeHost';

/** The part of `node:worker_threads` used here; typed by hand, as worker/ is checked without Node's types. */
interface WorkerThreads {
  /** The port to the thread that started this one; null on the main thread. */
  parentPort: Parameters<typeof nodeEndpoint>[0] | null;
}
/** Node ≥ 20.16 reaches a builtin without an import, so this file needs no Node typings. */
interface NodeProcess {
  /** Loads a Node builtin by name. */
  getBuiltinModule(id: 'node:worker_threads'): WorkerThreads;
}

const { process } = globalThis as unknown as { process: NodeProcess };
const port = process.getBuiltinModule('node:worker_threads').parentPort;
if (!port) throw new Error('worker/node: this file runs as a worker thread, started by the stepgraph CLI');

Comlink.expose(headlessApi(new Engine(nodeHost())), nodeEndpoint(port));
