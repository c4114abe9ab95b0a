import type { CollectionRow } from '../../tracer/collectionRows';
import { formatValue, typeOf } from '../../tracer/format';
import type { VariableAt } from '../../tracer/reader';

/** Entries shown when a collection opens, and added by each `Show more`. */
export const PAGE = 100;

/** A collection's entry under its variable: key, type and value, marked when the step changed it. */
export function EntryRow({ parent, row, columns }: { parent: VariableAt; row: CollectionRow; columns: number }) {
  const key = typeof row.key === 'number' ? `[${row.key}]` : formatValue(row.key, false);
  const text = formatValue(row.value, false);
  return (
    <tr className={`entry${row.changed ? ' changed' : ''}`} data-entry-of={parent.name}>
      <th scope="row" className="entry-key">
        {key}
        {row.changed && <span className="sr-only"> (changed)</span>}
      </th>
      <td className="type">{typeOf(row.value)}</td>
      <td className="value" colSpan={columns - 2}>
        <code>{text.length > 400 ? `${text.slice(0, 400)}…` : text}</code>
      </td>
    </tr>
  );
}

/** The last row of an open collection that has more entries: shows another page. */
export function MoreRow({
  v,
  shown,
  size,
  onMore,
  columns,
}: {
  v: VariableAt;
  shown: number;
  size: number;
  onMore: () => void;
  columns: number;
}) {
  return (
    <tr className="entry more">
      <td colSpan={columns}>
        <button type="button" onClick={onMore} aria-label={`Show more of ${v.name}`}>
          Show {Math.min(PAGE, size - shown)} more ({shown} of {size} shown)
        </button>
      </td>
    </tr>
  );
}

/** Whether a value is a collection that opens into rows. */
export function expandable(v: VariableAt): boolean {
  const x = v.value;
  return typeof x === 'object' && x !== null && 'size' in x && x.$ !== 'graph' && x.size > 0 && v.ref !== undefined;
}
