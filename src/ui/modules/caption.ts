import type { PlaygroundState } from '../state/store';
import { moduleNames, ownerOf } from './moduleRows';

/**
 * The timeline's caption with the module that ran the step, when the run had more than one:
 * `line 9 in bfsFrom (depth 1) · bfsFrom.ts #2`.
 */
export function withModule(state: Pick<PlaygroundState, 'reader' | 'response' | 'step'>, caption: string): string {
  const { reader, step } = state;
  const report = state.response?.modules;
  if (!reader || !report || report.modules.length < 2 || step >= reader.length || !caption) return caption;
  const owner = ownerOf(reader.trace, report, reader.step(step).module);
  const name = moduleNames(report.modules).get(owner);
  return name ? `${caption} · ${name}` : caption;
}
