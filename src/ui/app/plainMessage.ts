/** `layer/function: ` at the start of an engine error's message (STYLE.md habit 9). */
const PREFIX = /^(?:[a-z]+\/[A-Za-z]+: )+/;

/**
 * An error message as people read it: without the engine's `layer/function:` prefixes
 * (`executor/prep: Unexpected token` → `Unexpected token`), which stay in the code and the logs.
 */
export function plainMessage(message: string): string {
  const rest = message.replace(PREFIX, '');
  return rest === '' ? message : rest;
}
