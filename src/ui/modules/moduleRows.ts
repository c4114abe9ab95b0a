import type { ModuleInfo, ModuleSample, ModulesReport, ModuleState } from '../../protocol/modules';
import type { Trace } from '../../protocol/trace';

/** A module as the Modules panel shows it at one step. */
export interface ModuleRow {
  /** Its id in the trace's module table. */
  id: number;
  /** `bfsFrom.ts #2` when a file runs as several modules, else the file name. */
  name: string;
  /** How many spawns deep it is (0 for the main module). */
  depth: number;
  /** Its state at the step; `pending` before it started. */
  state: ModuleState | 'pending';
  /** Why it failed, as a code. */
  error: string | undefined;
  /** Steps charged to it (its children's included) and its step limit. */
  steps: { used: number; limit: number | undefined };
  /** CPU ms charged to it and its CPU-time limit. */
  cpuMs: { used: number; limit: number | undefined };
  /** Ms since it started and its total-time limit. */
  timeMs: { used: number; limit: number | undefined };
}

/** Display names: a file spawned more than once is numbered in start order. */
export function moduleNames(modules: readonly ModuleInfo[]): Map<number, string> {
  const count = new Map<string, number>();
  for (const m of modules) count.set(m.file, (count.get(m.file) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out = new Map<number, string>();
  for (const m of modules) {
    const n = (seen.get(m.file) ?? 0) + 1;
    seen.set(m.file, n);
    out.set(m.id, (count.get(m.file) ?? 0) > 1 ? `${m.file} #${n}` : m.file);
  }
  return out;
}

/**
 * The module with a context that trace module `id` belongs to: an imported file runs in its
 * importer's context, so walk up to the first module the report lists.
 */
export function ownerOf(trace: Pick<Trace, 'modules'>, report: ModulesReport, id: number): number {
  const known = new Set(report.modules.map((m) => m.id));
  for (let m = id, hops = 0; m >= 0 && hops < 1000; m = trace.modules[m]?.parent ?? -1, hops++) {
    if (known.has(m)) return m;
  }
  return report.modules[0]?.id ?? 0;
}

/** Each module's last sample that applies at `step` (samples are sorted by step). */
function samplesAt(samples: readonly ModuleSample[], step: number): Map<number, ModuleSample> {
  const out = new Map<number, ModuleSample>();
  for (const s of samples) {
    if (s.step > step) break;
    out.set(s.module, s);
  }
  return out;
}

/**
 * Each module's row at `step` (`Infinity`: the end of the run). `runner` is the module whose code
 * ran the step, from the trace's frames: it is the one running there, whatever its samples say.
 */
export function rowsAt(report: ModulesReport, step: number, runner: number | undefined): ModuleRow[] {
  const names = moduleNames(report.modules);
  const depth = new Map<number, number>();
  const last = samplesAt(report.samples, step);
  return report.modules.map((m) => {
    const d = m.parent < 0 ? 0 : (depth.get(m.parent) ?? 0) + 1;
    depth.set(m.id, d);
    const s = last.get(m.id);
    const ended = s?.state === 'done' || s?.state === 'failed';
    // at a step, only the module that ran it is running; the others that have started wait
    const state: ModuleRow['state'] =
      m.id === runner && !ended
        ? 'running'
        : s?.state === 'running' && runner !== undefined
          ? 'waiting'
          : (s?.state ?? 'pending');
    return {
      id: m.id,
      name: names.get(m.id) ?? m.file,
      depth: d,
      state,
      error: s?.error,
      // between two samples the module that ran the step has used at least the steps since its last one
      steps: {
        used:
          (s?.steps ?? 0) + (state === 'running' && s && Number.isFinite(step) ? Math.max(0, step + 1 - s.step) : 0),
        limit: m.limits['execution/steps'],
      },
      cpuMs: { used: s?.cpuMs ?? 0, limit: m.limits['execution/cpu-time'] },
      timeMs: { used: s?.elapsedMs ?? 0, limit: m.limits['execution/total-time'] },
    };
  });
}
