import { Engine, type EngineHost } from '../executor/engine';
import type { RunRequest, RunResponse } from '../protocol/run';
import type { RunOptions, StepgraphClient } from './client';

/** A client that runs the engine in the calling thread: for tests and for hosts that are already a worker. */
export class InProcessClient implements StepgraphClient {
  private readonly engine: Engine;
  private stop = false;

  constructor(host: EngineHost) {
    this.engine = new Engine(host);
  }

  run(request: RunRequest, options: RunOptions = {}): Promise<RunResponse> {
    this.stop = false;
    return this.engine.run(request, {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      stopRequested: () => this.stop,
    });
  }

  cancel(): void {
    this.stop = true;
  }

  dispose(): void {
    void this.engine.shutdown();
  }
}
