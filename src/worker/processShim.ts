// Babel's packages were written for Node and read `process` in a few places (warnings, DEBUG, colours).
// A Web Worker has no `process`; this gives them an empty one, before any of them is evaluated
// (imported first by the worker's entry, and ES modules evaluate in import order).
const g = globalThis as {
  process?: { env: Record<string, string | undefined>; emitWarning?: (message: string) => void };
};
g.process ??= { env: {}, emitWarning: () => undefined };

export {};
