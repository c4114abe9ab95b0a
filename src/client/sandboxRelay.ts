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
}

/** The relay itself. Keep it self-contained: its source text is what runs. */
export function sandboxRelay(s: RelaySettings): void {
  type Message = { type?: unknown; id?: unknown; code?: unknown; url?: unknown };
  let worker: Worker | undefined;
  let page: MessagePort | undefined;
  let run: { id: unknown; control: Int32Array | undefined; seen: number; timer: number | undefined } | undefined;
  const isolated = globalThis.crossOriginIsolated === true;

  const blobUrl = (code: string): string => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));

  const endRun = (): void => {
    if (run?.timer !== undefined) clearInterval(run.timer);
    run = undefined;
  };

  const poll = (): void => {
    const c = run?.control;
    if (!run || !c) return;
    const seq = Atomics.load(c, s.control.SEQ);
    const state = Atomics.load(c, s.control.STATE);
    if (state === s.ended) endRun();
    else if (seq !== run.seen && state === s.running) {
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
      run = { id: m.id, control, seen: 0, timer };
      worker.postMessage({ ...m, control });
      return;
    }
    if (m.type === 'run/stop' && run?.control && run.id === m.id) Atomics.store(run.control, s.control.STOP, 1);
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
