/**
 * The worker's end of the sandbox protocol (`protocol/messages.ts`): runs, calls and the network
 * requests of scripts, which go up to the page (the sandbox's policy allows no network). The relay
 * (the iframe's document) sends the requests; answers go to the page on the port the relay handed
 * over. Transferable buffers are transferred, not copied.
 */
import { Engine } from '../executor/engine';
import type {
  CallArgs,
  CallMethod,
  CallRequest,
  CallResult,
  NetAnswer,
  RunStart,
  SandboxMessage,
  WireError,
} from '../protocol/messages';
import type { NetworkRequest, NetworkResponse } from '../protocol/network';
import { describeThrown, StepgraphError } from '../shared/errors';
import { chunkBuffers } from '../tracer/assemble';
import { traceBuffers } from '../tracer/recorder';
import { workerHost } from './host';

/** The runtime API's one-shot methods, as the worker answers them. */
export type CallHandlers = { [M in CallMethod]: (...args: CallArgs<M>) => Promise<CallResult<M>> };

/** What the worker needs from its global scope. */
interface Scope {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

function toWire(e: unknown): WireError {
  const { name, message } = describeThrown(e);
  const code = e instanceof StepgraphError ? e.code : 'INTERNAL';
  return { code, name, message };
}

/** Starts answering the relay: the engine, its network through the page, and the calls in `calls`. */
export function serveSandbox(scope: Scope, calls: (engine: Engine) => CallHandlers): void {
  let port: MessagePort | undefined;
  const send = (m: SandboxMessage, transfer: Transferable[] = []): void => port?.postMessage(m, transfer);
  let run: { id: string; stopped: boolean } | undefined;
  let netIds = 0;
  const waiting = new Map<string, { resolve: (r: NetworkResponse) => void; reject: (e: unknown) => void }>();

  /** The engine's `fetch`: a request to the page, which performs it or refuses it. */
  const network = (request: NetworkRequest): Promise<NetworkResponse> => {
    const current = run;
    if (!current) return Promise.reject(new StepgraphError('NET_FAILED', 'worker/network: no run is in progress'));
    const id = `net-${++netIds}`;
    const plain: NetworkRequest = { url: String(request.url) };
    if (request.method !== undefined) plain.method = String(request.method);
    if (request.headers !== undefined) plain.headers = { ...request.headers };
    if (request.body !== undefined) plain.body = String(request.body);
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      send({ type: 'net/request', run: current.id, id, request: plain });
    });
  };

  const engine = new Engine(workerHost(network));
  const handlers = calls(engine);

  const answer = (m: NetAnswer): void => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.resolve(m.response);
    else w.reject(new StepgraphError(m.error.code, m.error.message));
  };

  const start = async (m: RunStart & { control?: Int32Array }): Promise<void> => {
    const current = { id: m.id, stopped: false };
    run = current;
    try {
      const response = await engine.run(m.request, {
        // the trace streams to the page as it is recorded: a run whose sandbox must be removed keeps it
        ...(m.stream
          ? {
              onProgress: (p) => {
                const chunk = p.chunk ? { chunk: p.chunk } : {};
                send(
                  { type: 'run/progress', id: m.id, steps: p.steps, elapsedMs: p.elapsedMs, ...chunk },
                  p.chunk ? chunkBuffers(p.chunk) : [],
                );
              },
              streamTrace: true,
            }
          : {}),
        ...(m.control ? { control: m.control } : {}),
        stopRequested: () => current.stopped,
      });
      send({ type: 'run/done', id: m.id, response }, traceBuffers(response.trace));
    } catch (e) {
      send({ type: 'run/failed', id: m.id, error: toWire(e) });
    } finally {
      if (run === current) run = undefined;
    }
  };

  const call = async (m: CallRequest): Promise<void> => {
    const handler = handlers[m.method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    try {
      if (!handler) throw new StepgraphError('UNKNOWN_METHOD', `worker/call: no method ${String(m.method)}`);
      send({ type: 'call/response', id: m.id, ok: true, value: await handler(...(m.args as unknown[])) });
    } catch (e) {
      send({ type: 'call/response', id: m.id, ok: false, error: toWire(e) });
    }
  };

  scope.onmessage = (e: MessageEvent) => {
    const m = e.data as { type?: unknown; id?: unknown } | null;
    if (!port) {
      if (m?.type === 'sandbox/port' && e.ports[0]) port = e.ports[0];
      return;
    }
    if (m?.type === 'run/start') void start(m as RunStart);
    else if (m?.type === 'run/stop') {
      // without shared memory (K-CTL4) this lands at the run's next wait; with it, the relay set the flag already
      if (run && run.id === m.id) run.stopped = true;
    } else if (m?.type === 'net/response') answer(m as NetAnswer);
    else if (m?.type === 'call/request') void call(m as CallRequest);
  };
  // the relay hands over the page's port once this says the runtime is loaded
  scope.postMessage({ type: 'worker/ready' });
}
