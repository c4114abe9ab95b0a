// The only code that touches the worker's `self`: it hosts the engine and exposes the runtime API.
import './processShim';
import './harden';
import * as Comlink from 'comlink';
import { Engine } from '../executor/engine';
import { inspectPlayground } from '../executor/inspect';
import type { ProgressListener, RuntimeApi } from '../protocol/api';
import type { RunRequest, RunResponse } from '../protocol/run';
import { traceBuffers } from '../tracer/recorder';
import { chunkBuffers } from '../tracer/assemble';
import { workerHost } from './host';

const engine = new Engine(workerHost());

const api: RuntimeApi = {
  async run(request: RunRequest, onProgress?: ProgressListener, control?: Int32Array): Promise<RunResponse> {
    const response = await engine.run(request, {
      // the trace streams to the page as it is recorded: a run whose worker must be terminated keeps it
      ...(onProgress
        ? {
            onProgress: (p) => void onProgress(p.chunk ? Comlink.transfer(p, chunkBuffers(p.chunk)) : p),
            streamTrace: true,
          }
        : {}),
      ...(control ? { control } : {}),
    });
    (onProgress as Partial<Comlink.ProxyMethods> | undefined)?.[Comlink.releaseProxy]?.();
    return Comlink.transfer(response, traceBuffers(response.trace));
  },
  inspect: (request) => Promise.resolve(inspectPlayground(request)),
  ping: () => Promise.resolve('pong'),
};

Comlink.expose(api);
