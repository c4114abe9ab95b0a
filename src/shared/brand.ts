/** A nominal type: `Brand<number, 'Millis'>` can't be mixed up with a plain number or other units. */
export type Brand<T, Name extends string> = T & { readonly __brand: Name };

/** A key of a node in the graph (graphology keys are strings). */
export type NodeKey = Brand<string, 'NodeKey'>;
/** The index of a step in a trace, from 0. */
export type StepIndex = Brand<number, 'StepIndex'>;
/** The id of a module instance within one run, from 0 (the main module). */
export type ModuleId = Brand<number, 'ModuleId'>;
/** A duration or instant in milliseconds. */
export type Millis = Brand<number, 'Millis'>;
/** A number of tokens in a token bucket. */
export type Tokens = Brand<number, 'Tokens'>;

export const millis = (n: number): Millis => n as Millis;
export const stepIndex = (n: number): StepIndex => n as StepIndex;
export const moduleId = (n: number): ModuleId => n as ModuleId;
export const tokens = (n: number): Tokens => n as Tokens;
export const nodeKey = (s: string): NodeKey => s as NodeKey;
