import type { CallArgs, CallMethod, CallResult, NetRequest, PageMessage, SandboxMessage } from '../protocol/messages';
import type { RunInspection, RunRequest, RunResponse } from '../protocol/run';
import { DEFAULT_SETTINGS } from '../protocol/run';
import { ClientError, type RunOptions, type StepgraphClient, type TerminationReason } from './client';
import { answerNetwork } from './network';
import type { OpenSandbox, Sandbox } from './sandboxFrame';
import { CALL_RESULTS, errorFromWire, validateSandboxMessage } from './validateMessage';

/** Slack past the time limit before a run that ignores it (a catastrophic regex) is ended by removing the sandbox, when the sandbox has no watchdog of its own. */
const WATCHDOG_SLACK_MS = 2000;
/**
 * The page's own backstops when the sandbox is isolated: its relay is the watchdog (K-CTL5), counting
 * from when the run runs, in its own process; the page steps in only if the relay itself is gone.
 * Generous, so a worker still compiling on demand (`npm run dev`) is never taken for a runaway.
 */
const BACKSTOP_SLACK_MS = 30_000;
const BACKSTOP_STOP_MS = 10_000;
/** How long a sandbox may take to start before its run fails. */
const BOOT_TIMEOUT_MS = 60_000;

/** One sandbox: its transport and whether it is ready (and cross-origin isolated). */
interface Box {
  sandbox: Sandbox;
  ready: Promise<boolean>;
  setReady: (isolated: boolean) => void;
}

/** The run in flight. */
interface Current {
  id: string;
  box: Box;
  options: RunOptions;
  timeLimitMs: number;
  /** Set once the sandbox is ready and the run was sent: whether a stop can land between statements. */
  isolated: boolean | undefined;
  resolve: (r: RunResponse) => void;
  reject: (e: unknown) => void;
  timers: unknown[];
  /** Ids of the network requests the sandbox made in this run. */
  netIds: Set<string>;
}

/** A call in flight. */
interface Pending {
  box: Box;
  method: CallMethod;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

const randomId = (): string => crypto.randomUUID();

/** The timers the client's watchdogs use (tests give their own clock). */
export interface ClientTimers {
  /** Calls `fn` after `ms`. */
  set(fn: () => void, ms: number): unknown;
  /** Cancels what `set` returned. */
  clear(handle: unknown): void;
}

const hostTimers: ClientTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * The page's client of the sandbox (an opaque-origin iframe and its worker, `sandboxFrame.ts`).
 * Every message from the sandbox is checked (`validateMessage.ts`) before it is used; one that is
 * malformed ends the sandbox. Each run gets a fresh sandbox, started while the previous run's trace
 * is on screen, so nothing a script leaves behind meets the next one. A stop sets the control block's
 * flag through the relay and removes the sandbox when that does not end the run quickly; a run past
 * its time limit is ended by removing the sandbox, which needs nothing from the sandbox.
 */
export class SandboxClient implements StepgraphClient {
  private box: Box | undefined;
  private current: Current | undefined;
  private readonly calls = new Map<string, Pending>();
  private disposed = false;

  constructor(
    private readonly open: OpenSandbox,
    private readonly clock: ClientTimers = hostTimers,
  ) {
    // the first run should not wait for the sandbox to start: it starts with the page
    this.warm();
  }

  run(request: RunRequest, options: RunOptions = {}): Promise<RunResponse> {
    if (this.disposed) return Promise.reject(new ClientError('CLIENT_DISPOSED', 'client/run: the client was disposed'));
    if (this.current) this.terminate('a new run started');
    const box = this.warm();
    const id = randomId();
    const timeLimitMs = request.settings?.timeLimitMs ?? DEFAULT_SETTINGS.timeLimitMs;
    return new Promise<RunResponse>((resolve, reject) => {
      const current: Current = {
        id,
        box,
        options,
        timeLimitMs,
        isolated: undefined,
        resolve,
        reject,
        timers: [],
        netIds: new Set(),
      };
      this.current = current;
      current.timers.push(this.clock.set(() => this.terminate('the sandbox did not start'), BOOT_TIMEOUT_MS));
      void box.ready.then((isolated) => {
        if (this.current !== current) return;
        this.clearTimers();
        current.isolated = isolated;
        current.timers.push(
          this.clock.set(
            () => this.terminate('the run ignored its time limit', 'time-limit'),
            timeLimitMs + (isolated ? BACKSTOP_SLACK_MS : WATCHDOG_SLACK_MS),
          ),
        );
        box.sandbox.send({ type: 'run/start', id, request, stream: options.onProgress !== undefined });
      });
    });
  }

  inspect(request: Pick<RunRequest, 'files' | 'main'>): Promise<RunInspection> {
    return this.call('inspect', { files: request.files, main: request.main });
  }

  cancel(): void {
    const current = this.current;
    if (!current) return;
    if (current.isolated) {
      current.box.sandbox.send({ type: 'run/stop', id: current.id });
      current.timers.push(
        this.clock.set(() => this.terminate('the run did not stop between statements', 'stop'), BACKSTOP_STOP_MS),
      );
    } else this.terminate('stopped', 'stop');
  }

  /** Calls a method of the runtime API in the current sandbox; its answer is checked against the method's shape. */
  call<M extends CallMethod>(method: M, ...args: CallArgs<M>): Promise<CallResult<M>> {
    if (this.disposed)
      return Promise.reject(new ClientError('CLIENT_DISPOSED', 'client/call: the client was disposed'));
    const box = this.warm();
    const id = randomId();
    return new Promise<CallResult<M>>((resolve, reject) => {
      this.calls.set(id, { box, method, resolve: resolve as (v: unknown) => void, reject });
      void box.ready.then(() => {
        if (this.calls.has(id)) box.sandbox.send({ type: 'call/request', id, method, args } as PageMessage);
      });
    });
  }

  dispose(): void {
    this.disposed = true;
    this.end(new ClientError('CLIENT_DISPOSED', 'client/dispose: the client was disposed'));
  }

  /** The sandbox the next run uses: the one already started, or a new one. */
  private warm(): Box {
    if (this.box) return this.box;
    let setReady: (isolated: boolean) => void = () => {};
    const ready = new Promise<boolean>((r) => (setReady = r));
    const box = { ready, setReady } as Box;
    box.sandbox = this.open((data) => this.receive(box, data));
    this.box = box;
    return box;
  }

  private receive(box: Box, data: unknown): void {
    if (box !== this.box) return; // a sandbox already ended: whatever it still says is not listened to
    const checked = validateSandboxMessage(data);
    if (!checked.ok) {
      this.terminate(`the sandbox sent a message that breaks the protocol (${checked.error})`);
      return;
    }
    this.handle(box, checked.value);
  }

  private handle(box: Box, m: SandboxMessage): void {
    const current = this.current?.box === box ? this.current : undefined;
    switch (m.type) {
      case 'sandbox/ready':
        box.setReady(m.isolated);
        return;
      case 'sandbox/failed':
        this.terminate(`the sandbox failed: ${m.message}`);
        return;
      case 'run/killed':
        if (current?.id !== m.id) return;
        if (m.reason === 'stop') this.terminate('the run did not stop between statements', 'stop');
        else this.terminate(`the run ignored its time limit (ended ${m.overrunMs} ms past it)`, 'time-limit');
        return;
      case 'run/progress':
        if (current?.id !== m.id) return;
        current.options.onProgress?.({
          steps: m.steps,
          elapsedMs: m.elapsedMs,
          timeLimitMs: current.timeLimitMs,
          ...(m.chunk ? { chunk: m.chunk } : {}),
        });
        return;
      case 'run/done':
      case 'run/failed':
        if (current?.id !== m.id) return;
        this.clearTimers();
        this.current = undefined;
        this.retire(box);
        if (m.type === 'run/done') current.resolve(m.response);
        else current.reject(errorFromWire(m.error));
        return;
      case 'net/request':
        if (current?.id === m.run) this.network(current, m);
        return;
      case 'call/response': {
        const call = this.calls.get(m.id);
        if (!call || call.box !== box) return;
        this.calls.delete(m.id);
        if (!m.ok) call.reject(errorFromWire(m.error));
        else if (CALL_RESULTS[call.method](m.value)) call.resolve(m.value);
        else {
          const why = `the sandbox answered ${call.method} with a value of the wrong shape`;
          call.reject(new ClientError('CLIENT_TERMINATED', `client/call: ${why}`));
          this.terminate(why);
        }
        return;
      }
    }
  }

  private network(current: Current, m: NetRequest): void {
    if (current.netIds.has(m.id)) {
      this.terminate('the sandbox sent a network request twice');
      return;
    }
    current.netIds.add(m.id);
    void answerNetwork(m, current.options.onNetwork).then((answer) => {
      if (this.current === current) current.box.sandbox.send(answer);
    });
  }

  /** Ends a sandbox whose run is over, and starts the next run's. */
  private retire(box: Box): void {
    if (this.box !== box) return;
    for (const [id, call] of this.calls) {
      if (call.box !== box) continue;
      this.calls.delete(id);
      call.reject(new ClientError('CLIENT_TERMINATED', 'client/call: the sandbox ended before it answered'));
    }
    box.sandbox.destroy();
    this.box = undefined;
    if (!this.disposed) this.warm();
  }

  private clearTimers(): void {
    for (const t of this.current?.timers ?? []) this.clock.clear(t);
    if (this.current) this.current.timers = [];
  }

  /** Ends the current run by removing its sandbox; the next run gets a fresh one. */
  private terminate(why: string, reason: TerminationReason = 'failure'): void {
    this.end(new ClientError('CLIENT_TERMINATED', `client/terminate: ${why}; the sandbox was restarted`, reason));
  }

  private end(error: ClientError): void {
    const current = this.current;
    this.clearTimers();
    this.current = undefined;
    if (this.box) this.retire(this.box);
    current?.reject(error);
  }
}
