import type { RunRequest } from '../protocol/run';
import { jsonRecord, RECORD, traceFileHeader, traceRecord } from '../tracer/traceFile';

/** The media type of a trace file, as `serve` sends one. */
export const TRACE_FILE_TYPE = 'application/vnd.stepgraph.trace';

/**
 * Writes a trace file (`tracer/traceFile.ts`) as the run goes: the header and what ran first, each
 * chunk as the worker streams it, the response last. `--trace-file` writes it to a file, `serve`'s
 * `"trace": "file"` to the HTTP body; a run cut short leaves a file that reads up to its last chunk.
 */
export class TraceFileStream {
  constructor(private readonly write: (bytes: Uint8Array) => void) {}

  /** The header and the `run` record: what the page needs to show the code and the graph. */
  start(request: RunRequest): void {
    this.write(traceFileHeader());
    const { files, main, graph, settings } = request;
    this.write(jsonRecord(RECORD.RUN, { files, main, graph, settings }));
  }

  /** One chunk's bytes, as the pool accepted them. */
  chunk(bytes: Uint8Array): void {
    this.write(traceRecord(RECORD.CHUNK, bytes));
  }

  /** The `end` record: the response (its JSON text, without a trace). */
  end(body: string): void {
    this.write(traceRecord(RECORD.END, new TextEncoder().encode(body)));
  }
}
