import { Engine, type EngineHost } from '../executor/engine';
import { inspectPlayground } from '../executor/inspect';
import type { RunInspection, RunRequest, RunResponse } from '../protocol/run';
import { createControlBlock, requestStop } from '../shared/control';
import type { RunOptions, StepgraphClient } from './client';

/** A client that runs the engine in the calling thread: for tests and for hosts that are already a worker. */
export class InProcessClient implements StepgraphClient {
  private readonly engine: Engine;
  /** The current run's control block (K-CTL1), in plain memory: engine and caller share the thread. */
  private control = createControlBlock(false);

  constructor(host: EngineHost) {
    this.engine = new Engine(host);
  }

  run(request: RunRequest, options: RunOptions = {}): Promise<RunResponse> {
    this.control = createControlBlock(false);
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
