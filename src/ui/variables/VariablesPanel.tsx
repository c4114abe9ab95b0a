import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { VariableAt } from '../../tracer/reader';
import { formatValue, typeOf } from '../../tracer/format';
import { ChangeButtons, type ChangeNavigation } from './ChangeButtons';

/** Past this many rows only those in view are drawn, each one line high. */
export const VIRTUAL_ROWS = 200;
/** Height of a row in the virtual table, in CSS pixels (`.variables table.virtual tr` in styles.css). */
const ROW_PX = 24;
/** Rows drawn above and below the view, so a scroll does not show a blank edge first. */
const OVERSCAN = 20;
/** Characters of a value drawn in its cell; the whole text (up to {@link TITLE_CHARS}) is its tooltip. */
const VALUE_CHARS = 400;
const TITLE_CHARS = 4000;

/** Props of the variables panel. */
export interface VariablesPanelProps {
  /** Variables at the current step. */
  variables: readonly VariableAt[];
  /** Colour of each variable name. */
  colors: ReadonlyMap<string, string>;
  /** Name of the function the step is in. */
  scope: string | undefined;
  /** Each variable's previous / next change, when a trace is on screen. */
  changes?: ChangeNavigation | undefined;
  /** The call stack, drawn above the variables. */
  stack?: ReactNode;
}

/** A row of the table: a group heading or a variable. */
type Row = { group: string } | VariableAt;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

function VariableRow({ v, color, changes }: { v: VariableAt; color: string | undefined; changes?: ChangeNavigation }) {
  const text = formatValue(v.value, false);
  return (
    <tr className={v.changed ? 'changed' : undefined} data-variable={v.name}>
      <th scope="row">
        <span className="swatch" style={{ background: color }} aria-hidden="true" />
        {v.name}
        {v.changed && <span className="sr-only"> (changed)</span>}
      </th>
      <td className="type">{typeOf(v.value)}</td>
      <td className="value" title={text.length > VALUE_CHARS ? clip(text, TITLE_CHARS) : undefined}>
        <code>{clip(text, VALUE_CHARS)}</code>
      </td>
      {changes && <ChangeButtons v={v} nav={changes} />}
    </tr>
  );
}

/**
 * The values at the step, changed ones marked, as a region named "Variables". A step with
 * thousands of variables draws only the rows in view, and a huge value only its start, so stepping
 * costs what a screenful costs.
 */
export function VariablesPanel({ variables, colors, scope, changes, stack }: VariablesPanelProps) {
  const box = useRef<HTMLElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const local = variables.filter((v) => !v.global);
  const global = variables.filter((v) => v.global);
  const rows: Row[] = [
    ...(local.length > 0 ? [{ group: scope ?? 'function' }] : []),
    ...local,
    ...(global.length > 0 && local.length > 0 ? [{ group: 'module' }] : []),
    ...global,
  ];
  const virtual = rows.length > VIRTUAL_ROWS;

  const measure = (): void => {
    const el = box.current;
    if (!el) return;
    const offset = table.current?.offsetTop ?? 0;
    setView({ top: Math.max(0, el.scrollTop - offset), height: el.clientHeight });
  };
  useLayoutEffect(measure, [virtual]);

  const first = virtual ? Math.max(0, Math.floor(view.top / ROW_PX) - OVERSCAN) : 0;
  const last = virtual ? Math.min(rows.length, Math.ceil((view.top + view.height) / ROW_PX) + OVERSCAN) : rows.length;
  const drawn: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const row = rows[i] as Row;
    drawn.push(
      'group' in row ? (
        <tr key={`group:${row.group}`} className="group">
          <th colSpan={changes ? 4 : 3}>{row.group}</th>
        </tr>
      ) : (
        <VariableRow key={`${row.frame}:${row.slot}`} v={row} color={colors.get(row.name)} changes={changes} />
      ),
    );
  }
  return (
    <section
      className="panel variables"
      role="region"
      aria-label="Variables"
      ref={box}
      onScroll={virtual ? measure : undefined}
    >
      <h2>Variables</h2>
      {stack}
      {variables.length === 0 ? (
        <p className="empty">Run the script, then step through it to see its variables.</p>
      ) : (
        <table
          ref={table}
          className={virtual ? 'virtual' : undefined}
          aria-rowcount={virtual ? rows.length : undefined}
        >
          <tbody>
            {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_PX }} />}
            {drawn}
            {last < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_PX }} />}
          </tbody>
        </table>
      )}
    </section>
  );
}
