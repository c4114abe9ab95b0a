/**
 * The script of the sandbox's iframe document: a relay between the page and the runtime worker.
 * It runs in the opaque origin, so it is written as one self-contained function whose source the
 * page puts into the document (`sandboxDocument.ts`): no imports, no closures over module state;
 * what it needs from our modules comes in as {@link RelaySettings}.
 *
 * What it does: on the page's boot message it starts the worker (a classic blob worker that imports
 * the runtime as a module: Chromium refuses a module worker from a blob URL in an opaque origin)
 * and, once the worker says it is loaded, hands it the port on which the worker answers the page.
 * It then forwards the page's messages to the worker. For each run it makes the control block
 * (shared memory between this document and its worker, K-CTL1; the page is in another agent
 * cluster and cannot share it), sets its stop flag on `run/stop`, and reports the progress it reads
 * there to the page every `pollMs` (K-CTL3): the worker's own thread may be held by a busy script.
 *
 * It is also the run's watchdog (K-CTL5). The sandbox is an opaque-origin iframe, which Chromium
 * runs in a process of its own, so its thread is free when the page's is busy. The time limit is
 * counted from the moment the control block first says the run is running (never while the worker
 * still starts or compiles); a run still running `slackMs` past it, or `stopGraceMs` after a stop
 * (counted from when it runs, so an early stop lands at its first check), has its worker terminated.
 */

/** What the relay needs from our modules, passed in as JSON. */
export interface RelaySettings {
  /** Slots of the control block (`shared/control.ts`). */
  control: { STOP: number; STATE: number; STEPS: number; ELAPSED_MS: number; SEQ: number };
  /** Length of a control block, in 32-bit slots. */
  controlLength: number;
  /** The RUNNING and ENDED values of the state slot. */
  running: number;
  /** See {@link running}. */
  ended: number;
  /** How often the control block is read during a run, in ms. */
  pollMs: number;
  /** The time limit of a run whose request gives none. */
  defaultTimeLimitMs: number;
  /** How long past its time limit a run may go on before its worker is terminated. */
  slackMs: number;
  /** How long a running run may take to honour a stop before its worker is terminated. */
  stopGraceMs: number;
}

/** The relay itself. Keep it self-contained: its source text is what runs. */
export function sandboxRelay(s: RelaySettings): void {
  type Message = {
    type?: unknown;
    id?: unknown;
    code?: unknown;
    url?: unknown;
    request?: { settings?: { timeLimitMs?: unknown } };
  };
  type Run = {
    id: unknown;
    control: Int32Array | undefined;
    seen: number;
    timer: number | undefined;
    limitMs: number;
    runningAt: number | undefined;
    stopAt: number | undefined;
  };
  let worker: Worker | undefined;
  let page: MessagePort | undefined;
  let run: Run | undefined;
  const isolated = globalThis.crossOriginIsolated === true;

  const blobUrl = (code: string): string => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));

  const endRun = (): void => {
    if (run?.timer !== undefined) clearInterval(run.timer);
    run = undefined;
  };

  /** Terminates the worker of a run that ignores its limit or a stop; the page then removes the sandbox. */
  const kill = (r: Run, reason: 'time-limit' | 'stop', overrunMs: number): void => {
    worker?.terminate();
    worker = undefined;
    endRun();
    page?.postMessage({ type: 'run/killed', id: r.id, reason, overrunMs: Math.max(0, Math.round(overrunMs)) });
  };

  const watch = (r: Run, now: number): boolean => {
    if (r.runningAt === undefined) return false;
    const late = now - (r.runningAt + r.limitMs + s.slackMs);
    if (late >= 0) {
      kill(r, 'time-limit', now - r.runningAt - r.limitMs);
      return true;
    }
    if (r.stopAt === undefined) return false;
    const since = Math.max(r.stopAt, r.runningAt);
    if (now - since < s.stopGraceMs) return false;
    kill(r, 'stop', now - since - s.stopGraceMs);
    return true;
  };

  const poll = (): void => {
    const c = run?.control;
    if (!run || !c) return;
    const seq = Atomics.load(c, s.control.SEQ);
    const state = Atomics.load(c, s.control.STATE);
    if (state === s.ended) endRun();
    else if (state === s.running && run.runningAt === undefined) run.runningAt = performance.now();
    if (!run || watch(run, performance.now())) return;
    if (seq !== run.seen && state === s.running) {
      run.seen = seq;
      const steps = Atomics.load(c, s.control.STEPS);
      const elapsedMs = Atomics.load(c, s.control.ELAPSED_MS);
      page?.postMessage({ type: 'run/progress', id: run.id, steps, elapsedMs });
    }
  };

  const fromPage = (e: MessageEvent<Message>): void => {
    const m = e.data;
    if (!worker || typeof m !== 'object' || m === null) return;
    if (m.type === 'run/start') {
      endRun();
      const control = isolated
        ? new Int32Array(new SharedArrayBuffer(s.controlLength * Int32Array.BYTES_PER_ELEMENT))
        : undefined;
      const timer = control ? (setInterval(poll, s.pollMs) as unknown as number) : undefined;
      const asked = Number(m.request?.settings?.timeLimitMs);
      const limitMs = asked > 0 ? asked : s.defaultTimeLimitMs;
      run = { id: m.id, control, seen: 0, timer, limitMs, runningAt: undefined, stopAt: undefined };
      worker.postMessage({ ...m, control });
      return;
    }
    if (m.type === 'run/stop' && run?.control && run.id === m.id) {
      Atomics.store(run.control, s.control.STOP, 1);
      run.stopAt ??= performance.now();
    }
    worker.postMessage(m);
  };

  const boot = (e: MessageEvent<Message>): void => {
    const [workerPort, relayPort] = e.ports;
    const m = e.data;
    if (worker || e.source !== parent || !workerPort || !relayPort || m?.type !== 'sandbox/boot') return;
    page = relayPort;
    const runtime = typeof m.code === 'string' ? blobUrl(m.code) : String(m.url);
    // a failed import is thrown again outside the promise, so that it reaches the worker's error event
    const starter = `import(${JSON.stringify(runtime)}).catch((e) => setTimeout(() => { throw e; }));`;
    const w = new Worker(blobUrl(starter), { name: 'stepgraph-runtime' });
    worker = w;
    let loaded = false;
    w.onerror = (ev) =>
      page?.postMessage({ type: 'sandbox/failed', message: String(ev.message || 'the worker failed') });
    w.onmessage = (ev: MessageEvent<Message>) => {
      // the worker's first message says the runtime is loaded; anything else from it is ignored here
      if (loaded || ev.data?.type !== 'worker/ready') return;
      loaded = true;
      w.postMessage({ type: 'sandbox/port' }, [workerPort]);
      page?.postMessage({ type: 'sandbox/ready', isolated });
    };
    relayPort.onmessage = fromPage;
  };

  addEventListener('message', boot);
}
