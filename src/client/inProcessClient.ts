import { Engine, type EngineHost } from '../executor/engine';
import { inspectPlayground } from '../executor/inspect';
import type { RunInspection, RunRequest, RunResponse } from '../protocol/run';
import { createControlBlock, requestStop } from '../shared/control';
import { StepgraphError } from '../shared/errors';
import type { RunOptions, StepgraphClient } from './client';

/** A client that runs the engine in the calling thread: for tests and for hosts that are already a worker. */
export class InProcessClient implements StepgraphClient {
  private readonly engine: Engine;
  /** The current run's control block (K-CTL1), in plain memory: engine and caller share the thread. */
  private control = createControlBlock(false);

  /** The current run's `onNetwork`, which takes the place of the host's fetch while it runs. */
  private onNetwork: RunOptions['onNetwork'];

  constructor(host: EngineHost) {
    const hostFetch = host.fetch;
    this.engine = new Engine({
      now: () => host.now(),
      yieldToHost: () => host.yieldToHost(),
      timers: host.timers,
      // like the page's sandbox: a run's requests go to its onNetwork, else to the host's own fetch
      fetch: (req) => {
        const perform = this.onNetwork ?? hostFetch;
        return perform
          ? perform(req)
          : Promise.reject(
              new StepgraphError('PERMISSION_DENIED', 'client/network: this host gives scripts no network'),
            );
      },
    });
  }

  run(request: RunRequest, options: RunOptions = {}): Promise<RunResponse> {
    this.control = createControlBlock(false);
    this.onNetwork = options.onNetwork;
    return this.engine.run(request, {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      control: this.control,
    });
  }

  inspect(request: Pick<RunRequest, 'files' | 'main'>): Promise<RunInspection> {
    return Promise.resolve(inspectPlayground(request));
  }

  cancel(): void {
    requestStop(this.control);
  }

  dispose(): void {
    void this.engine.shutdown();
  }
}
