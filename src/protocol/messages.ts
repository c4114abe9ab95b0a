/**
 * The messages between the page and the sandbox that runs scripts (an opaque-origin iframe and its
 * worker, docs/SECURITY.md). Type-only: `client/validateMessage.ts` checks every message the page
 * receives against these shapes before it uses one, since the sandbox runs a stranger's code.
 *
 * Two channels: the page talks to the iframe's relay (which holds the run's control block and
 * forwards the rest to the worker), and the worker answers the page on a port of its own.
 */
import type { NetworkRequest, NetworkResponse } from './network';
import type { RuntimeApi } from './api';
import type { RunRequest, RunResponse } from './run';
import type { TraceChunk } from './trace';

/** Methods of {@link RuntimeApi} called as one request and one answer (`run` streams, so it has messages of its own). */
export type CallMethod = Exclude<keyof RuntimeApi, 'run'>;

/** The arguments of a call method. */
export type CallArgs<M extends CallMethod> = Parameters<RuntimeApi[M]>;

/** What a call method resolves with. */
export type CallResult<M extends CallMethod> = Awaited<ReturnType<RuntimeApi[M]>>;

/** An error as it crosses the boundary: plain data, rebuilt on the other side. */
export interface WireError {
  /** Stable code (`PERMISSION_DENIED`, `NET_FAILED`…). */
  code: string;
  /** The error's class name. */
  name: string;
  /** Human message, `layer/function:` first. */
  message: string;
}

/** Page → relay: start a run. The relay adds the control block before it forwards it to the worker. */
export interface RunStart {
  type: 'run/start';
  /** A random id the page made for this run; every answer about the run carries it. */
  id: string;
  /** The run. */
  request: RunRequest;
  /** Stream the trace in chunks with the progress reports. */
  stream: boolean;
}

/** Page → relay: stop a run (the relay sets the control block's stop flag, then forwards it). */
export interface RunStop {
  type: 'run/stop';
  /** The run's id. */
  id: string;
}

/** Page → worker (through the relay): the answer to a {@link NetRequest}. */
export type NetAnswer =
  | {
      type: 'net/response';
      /** The request's id, as the worker gave it. */
      id: string;
      /** The request went through. */
      ok: true;
      /** What the network answered. */
      response: NetworkResponse;
    }
  | {
      type: 'net/response';
      /** The request's id, as the worker gave it. */
      id: string;
      /** The request was refused or failed. */
      ok: false;
      /** Why. */
      error: WireError;
    };

/** Page → worker (through the relay): a call of a {@link CallMethod}. */
export interface CallRequest<M extends CallMethod = CallMethod> {
  type: 'call/request';
  /** A random id the page made for this call. */
  id: string;
  /** The method. */
  method: M;
  /** Its arguments. */
  args: CallArgs<M>;
}

/** Everything the page sends into the sandbox. */
export type PageMessage = RunStart | RunStop | NetAnswer | CallRequest;

/** Relay or worker → page: the sandbox is ready for requests. */
export interface SandboxReady {
  type: 'sandbox/ready';
  /** Whether the iframe is cross-origin isolated, so that stops land through shared memory (K-CTL1); otherwise a stop terminates (K-CTL4). */
  isolated: boolean;
}

/** Relay → page: the worker failed to start or died (an uncaught error in its scope). */
export interface SandboxFailed {
  type: 'sandbox/failed';
  /** What the worker's error event said. */
  message: string;
}

/**
 * Relay → page: the relay's watchdog terminated the run's worker (K-CTL5): it was still running
 * `overrunMs` past its time limit, or past the grace after a stop. The relay runs in the sandbox's
 * own process, so this does not wait for the page's main thread to be free.
 */
export interface RunKilled {
  type: 'run/killed';
  /** The run's id. */
  id: string;
  /** What the run ignored. */
  reason: 'time-limit' | 'stop';
  /** How far past its limit (or the stop's grace) the run was when the relay ended it, in ms. */
  overrunMs: number;
}

/** Relay or worker → page: progress of a run (from the control block, or from the engine with a chunk). */
export interface RunProgressMessage {
  type: 'run/progress';
  /** The run's id. */
  id: string;
  /** Steps recorded so far. */
  steps: number;
  /** Milliseconds since the run started. */
  elapsedMs: number;
  /** What was recorded since the previous chunk (engine reports only). */
  chunk?: TraceChunk;
}

/** Worker → page: the run ended with a response (a failed run included). */
export interface RunDone {
  type: 'run/done';
  /** The run's id. */
  id: string;
  /** The response. */
  response: RunResponse;
}

/** Worker → page: the engine itself threw (a bug, not the script's). */
export interface RunFailed {
  type: 'run/failed';
  /** The run's id. */
  id: string;
  /** What it threw. */
  error: WireError;
}

/** Worker → page: a script's `fetch`, for the page to perform or refuse (the sandbox has no network). */
export interface NetRequest {
  type: 'net/request';
  /** The run it belongs to. */
  run: string;
  /** The request's own id, for the answer. */
  id: string;
  /** The request. */
  request: NetworkRequest;
}

/** Worker → page: the answer to a {@link CallRequest}. */
export type CallResponse =
  | {
      type: 'call/response';
      /** The call's id. */
      id: string;
      /** It returned. */
      ok: true;
      /** What it returned; the page checks it against the method's shape. */
      value: unknown;
    }
  | {
      type: 'call/response';
      /** The call's id. */
      id: string;
      /** It threw. */
      ok: false;
      /** What it threw. */
      error: WireError;
    };

/** Everything the sandbox may send to the page. */
export type SandboxMessage =
  SandboxReady | SandboxFailed | RunKilled | RunProgressMessage | RunDone | RunFailed | NetRequest | CallResponse;
