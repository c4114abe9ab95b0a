import type { Trace, TraceChunk } from '../protocol/trace';
import { TRACE_VERSION } from '../protocol/trace';

/**
 * Counts what a run's chunks carried, so that the finished trace's rest can be sent as one last
 * chunk: the chunks then put together give the finished trace, its output window included (the
 * output kept from the end of a long run exists only once it has finished, `outputLog.ts`).
 */
export class ChunkTail {
  private chunks = 0;
  private steps = 0;
  private runs = 0;
  private frames = 0;
  private writes = 0;
  private strings = 0;
  private numbers = 0;
  private others = 0;
  private objects = 0;
  private ops = 0;
  private output = 0;
  private graphOps = 0;

  /** Notes a chunk that was sent. */
  add(c: TraceChunk): void {
    this.chunks++;
    this.steps += c.stepStatement.length;
    this.runs += c.runStep.length;
    this.frames += c.frames.depth.length;
    this.writes += c.writeStep.length;
    this.strings += c.strings.length;
    this.numbers += c.numbers.length;
    this.others += c.others.length;
    this.objects += c.objectKind.length;
    this.ops += c.opStep.length;
    this.output += c.output.length;
    this.graphOps += c.graphOps.length;
  }

  /** Everything of the finished `trace` past what was sent, as the run's last chunk (copies). */
  tail(t: Trace): TraceChunk {
    const c: TraceChunk = {
      version: TRACE_VERSION,
      index: this.chunks,
      tables: { files: t.files, names: t.names, statements: t.statements, slots: t.slots },
      modules: t.modules,
      stepStatement: t.stepStatement.slice(this.steps, t.stepCount),
      runStep: t.runStep.slice(this.runs, t.runCount),
      runFrame: t.runFrame.slice(this.runs, t.runCount),
      frames: {
        depth: t.frames.depth.slice(this.frames),
        name: t.frames.name.slice(this.frames),
        module: t.frames.module.slice(this.frames),
      },
      writeStep: t.writeStep.slice(this.writes, t.writeCount),
      writeSlot: t.writeSlot.slice(this.writes, t.writeCount),
      writeFrame: t.writeFrame.slice(this.writes, t.writeCount),
      writeValue: t.writeValue.slice(this.writes, t.writeCount),
      strings: t.strings.slice(this.strings),
      numbers: t.numbers.slice(this.numbers),
      others: t.others.slice(this.others),
      objectKind: t.objectKind.slice(this.objects, t.objectCount),
      objectClass: t.objectClass.slice(this.objects, t.objectCount),
      opStep: t.opStep.slice(this.ops, t.opCount),
      opObject: t.opObject.slice(this.ops, t.opCount),
      opCode: t.opCode.slice(this.ops, t.opCount),
      opA: t.opA.slice(this.ops, t.opCount),
      opB: t.opB.slice(this.ops, t.opCount),
      output: t.output.slice(this.output),
      graphOps: t.graphOps.slice(this.graphOps),
    };
    this.add(c);
    return c;
  }
}
