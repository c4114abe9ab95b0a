import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { VariableAt } from '../../tracer/reader';
import { formatValue, typeOf } from '../../tracer/format';
import { ChangeButtons, type ChangeNavigation } from './ChangeButtons';
import type { CollectionPage, CollectionRow } from '../../tracer/collectionRows';
import { EntryRow, expandable, MoreRow, PAGE } from './EntryRows';

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
  /** The first `count` entries of a variable's collection at the step (absent: collections do not open). */
  entries?: ((v: VariableAt, count: number) => CollectionPage) | undefined;
}

/** A row of the table: a group heading, a variable, an entry of an open collection, or its `Show more`. */
type Row =
  | { group: string }
  | VariableAt
  | { entry: CollectionRow; parent: VariableAt; index: number }
  | { more: VariableAt; shown: number; size: number };

const idOf = (v: VariableAt): string => `${v.frame}:${v.slot}`;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

function VariableRow({
  v,
  color,
  changes,
  open,
  onToggle,
}: {
  v: VariableAt;
  color: string | undefined;
  changes?: ChangeNavigation | undefined;
  open?: boolean | undefined;
  onToggle?: (() => void) | undefined;
}) {
  const text = formatValue(v.value, false);
  return (
    <tr className={v.changed ? 'changed' : undefined} data-variable={v.name}>
      <th scope="row">
        {onToggle ? (
          <button
            type="button"
            className="disclosure"
            aria-expanded={open === true}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${v.name}`}
            onClick={onToggle}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="disclosure-space" aria-hidden="true" />
        )}
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
export function VariablesPanel({ variables, colors, scope, changes, stack, entries }: VariablesPanelProps) {
  const box = useRef<HTMLElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  // open collections (by frame and slot) and how many of their entries are shown; kept while stepping
  const [open, setOpen] = useState<ReadonlyMap<string, number>>(new Map());
  const withEntries = (v: VariableAt): Row[] => {
    const shown = open.get(idOf(v));
    if (!entries || shown === undefined || !expandable(v)) return [v];
    const page = entries(v, shown);
    const more: Row[] = page.size > page.rows.length ? [{ more: v, shown: page.rows.length, size: page.size }] : [];
    return [v, ...page.rows.map((entry, index) => ({ entry, parent: v, index })), ...more];
  };
  const local = variables.filter((v) => !v.global);
  const global = variables.filter((v) => v.global);
  const rows: Row[] = [
    ...(local.length > 0 ? [{ group: scope ?? 'function' }] : []),
    ...local.flatMap(withEntries),
    ...(global.length > 0 && local.length > 0 ? [{ group: 'module' }] : []),
    ...global.flatMap(withEntries),
  ];
  const columns = changes ? 4 : 3;
  const setShown = (v: VariableAt, n: number | undefined): void =>
    setOpen((m) => {
      const next = new Map(m);
      if (n === undefined) next.delete(idOf(v));
      else next.set(idOf(v), n);
      return next;
    });
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
          <th colSpan={columns}>{row.group}</th>
        </tr>
      ) : 'entry' in row ? (
        <EntryRow key={`${idOf(row.parent)}/${row.index}`} parent={row.parent} row={row.entry} columns={columns} />
      ) : 'more' in row ? (
        <MoreRow
          key={`${idOf(row.more)}/more`}
          v={row.more}
          shown={row.shown}
          size={row.size}
          columns={columns}
          onMore={() => setShown(row.more, row.shown + PAGE)}
        />
      ) : (
        <VariableRow
          key={idOf(row)}
          v={row}
          color={colors.get(row.name)}
          changes={changes}
          open={open.has(idOf(row))}
          onToggle={
            entries && expandable(row) ? () => setShown(row, open.has(idOf(row)) ? undefined : PAGE) : undefined
          }
        />
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
