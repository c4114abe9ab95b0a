import { useMemo, useState } from 'react';
import { callStacksOf, type StackFrame } from '../../tracer/callStack';
import type { TraceReader, VariableAt } from '../../tracer/reader';

/** The call stack at the step, the frame picked in it, and that frame's variables. */
export interface StackView {
  /** Frames at the step, innermost first (empty without a trace). */
  stack: StackFrame[];
  /** Index of the frame shown (0: the step's own). */
  selected: number;
  /** Picks a frame. */
  select: (index: number) => void;
  /** The variables to show: the step's own, or the picked frame's as they are at this step. */
  variables: readonly VariableAt[];
  /** Name of the shown frame's function (undefined for a module body). */
  scope: string | undefined;
}

/** Reads the stack once per step; picking a frame lasts until the step changes. */
export function useStackView(reader: TraceReader | undefined, step: number, own: readonly VariableAt[]): StackView {
  const stack = useMemo(() => (reader && reader.length > 0 ? callStacksOf(reader).at(step) : []), [reader, step]);
  const [picked, setPicked] = useState<{ step: number; reader: TraceReader | undefined; index: number }>();
  const selected = picked && picked.step === step && picked.reader === reader ? picked.index : 0;
  const frame = stack[selected];
  const variables = useMemo(
    () => (selected > 0 && reader && frame ? reader.variables(step, undefined, frame) : own),
    [selected, reader, frame, step, own],
  );
  return {
    stack,
    selected,
    select: (index) => setPicked({ step, reader, index }),
    variables,
    scope: frame && frame.depth > 0 ? frame.name : undefined,
  };
}
