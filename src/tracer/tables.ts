import type { TraceSlot, TraceStatement } from '../protocol/trace';

/**
 * The static tables of one run, shared by all its files: instrumented code refers to statements,
 * variable slots and function names by index into them.
 */
export class Tables {
  /** Files in order; statements refer to them by index. */
  readonly files: string[] = [];
  /** Every statement that can become a step. */
  readonly statements: TraceStatement[] = [];
  /** Every variable declaration that can be written. */
  readonly slots: TraceSlot[] = [];
  /** Interned names (functions). */
  readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();

  /** The index of `file`, adding it when new. */
  file(name: string): number {
    const i = this.files.indexOf(name);
    if (i >= 0) return i;
    this.files.push(name);
    return this.files.length - 1;
  }

  /** Adds a statement; returns its id. */
  statement(file: number, line: number, column: number): number {
    this.statements.push({ file, line, column });
    return this.statements.length - 1;
  }

  /** Adds a variable slot; returns its id. */
  slot(name: string, file: number, line: number, scope?: [number, number, number, number]): number {
    this.slots.push(scope ? { name, file, line, scope } : { name, file, line });
    return this.slots.length - 1;
  }

  /** Interns a name; returns its index. */
  name(s: string): number {
    let i = this.nameIndex.get(s);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(s);
      this.nameIndex.set(s, i);
    }
    return i;
  }
}
