import { useMemo } from 'react';
import { algorithmById } from '../../samples';
import type { PlaygroundState, PlaygroundStore } from '../state/store';
import type { WorkSession } from '../state/session';
import { lanesOf } from './lanes';
import { ModuleLanes } from './ModuleLanes';
import { moduleNames, ownerOf, rowsAt, type ModuleRow } from './moduleRows';
import { openSample } from './openSample';

/** Props of the Modules panel. */
export interface ModulesPanelProps {
  /** The store's snapshot: the last run's modules, its trace and the step on screen. */
  state: PlaygroundState;
  /** Moves the timeline when the strip is clicked. */
  store: PlaygroundStore;
  /** Opens the modules sample without losing the work on screen. */
  session: WorkSession;
}

/** The sample that shows modules, offered while the work has only one. */
const SAMPLE_ID = 'two-bfs';

const count = (n: number): string => Math.round(n).toLocaleString('en');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/** A usage figure, with a meter against its limit when there is one. */
function Usage({
  label,
  used,
  limit,
  show,
}: {
  label: string;
  used: number;
  limit: number | undefined;
  show: (n: number) => string;
}) {
  const text = show(used);
  const of = limit === undefined ? '' : ` of ${show(limit)}`;
  return (
    <td title={`${label}: ${text}${of}`}>
      {text}
      {limit !== undefined && (
        <meter
          className="module-meter"
          min={0}
          max={Math.max(limit, 1)}
          value={Math.min(used, limit)}
          aria-label={`${label}: ${text}${of}`}
        />
      )}
    </td>
  );
}

function Row({ row, lane }: { row: ModuleRow; lane: number }) {
  return (
    <tr className={`module-row ${row.state}`} data-module={row.name} data-state={row.state}>
      <th scope="row" style={{ paddingLeft: 6 + row.depth * 12 }}>
        <span className={`module-swatch lane-${lane % 6}`} aria-hidden="true" />
        {row.name}
      </th>
      <td className="module-state">
        {row.state}
        {row.error && row.state === 'failed' ? ` (${row.error})` : ''}
      </td>
      <Usage label="steps" used={row.steps.used} limit={row.steps.limit} show={count} />
      <Usage label="CPU time" used={row.cpuMs.used} limit={row.cpuMs.limit} show={(n) => `${count(n)} ms`} />
      <Usage label="time" used={row.timeMs.used} limit={row.timeMs.limit} show={seconds} />
    </tr>
  );
}

/**
 * The module instances of the last run, as a region named "Modules": each one's state at the step
 * on screen (at the last step, how it ended) and its usage against its limits, and a strip that
 * shows which module ran where.
 */
export function ModulesPanel({ state, store, session }: ModulesPanelProps) {
  const { reader, step } = state;
  const report = state.response?.modules;
  const total = reader?.length ?? 0;
  const atEnd = total === 0 || step >= total - 1;
  const runner = useMemo(
    () => (reader && report && !atEnd ? ownerOf(reader.trace, report, reader.step(step).module) : undefined),
    [reader, report, step, atEnd],
  );
  const rows = useMemo(
    () => (report ? rowsAt(report, atEnd ? Infinity : step, runner) : []),
    [report, step, atEnd, runner],
  );
  const names = useMemo(() => (report ? moduleNames(report.modules) : new Map<number, string>()), [report]);
  const lanes = useMemo(
    () => (reader && report && report.modules.length > 1 && total > 0 ? lanesOf(reader, report) : undefined),
    [reader, report, total],
  );
  const sample = algorithmById(SAMPLE_ID);
  const offer = sample && rows.length <= 1 && Object.keys(state.files).length === 1;
  return (
    <section className="panel modules" role="region" aria-label="Modules">
      <h2>Modules</h2>
      {rows.length === 0 ? (
        <p className="empty">Run the script to see its modules, their state and what they use.</p>
      ) : (
        <table className="modules-table">
          <thead>
            <tr>
              <th scope="col">Module</th>
              <th scope="col">State</th>
              <th scope="col">Steps</th>
              <th scope="col">CPU</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <Row key={r.id} row={r} lane={i} />
            ))}
          </tbody>
        </table>
      )}
      {lanes && <ModuleLanes lanes={lanes} names={names} step={step} total={total} onSeek={(s) => store.seek(s)} />}
      {offer && (
        <p className="modules-offer">
          A script can run others as child modules with <code>spawn</code>.{' '}
          <button type="button" onClick={() => void openSample(session, sample, state.settings)}>
            Open the two-module sample
          </button>
        </p>
      )}
    </section>
  );
}
