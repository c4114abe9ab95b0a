import type { VariableAt } from '../../tracer/reader';
import { formatValue, typeOf } from '../../tracer/format';

/** Props of the variables panel. */
export interface VariablesPanelProps {
  /** Variables at the current step. */
  variables: readonly VariableAt[];
  /** Colour of each variable name. */
  colors: ReadonlyMap<string, string>;
  /** Name of the function the step is in. */
  scope: string | undefined;
}

/** The values at the step, changed ones marked, as a region named "Variables". */
export function VariablesPanel({ variables, colors, scope }: VariablesPanelProps) {
  const local = variables.filter((v) => !v.global);
  const global = variables.filter((v) => v.global);
  const rows = (list: readonly VariableAt[]) =>
    list.map((v) => (
      <tr key={`${v.frame}:${v.slot}`} className={v.changed ? 'changed' : undefined} data-variable={v.name}>
        <th scope="row">
          <span className="swatch" style={{ background: colors.get(v.name) }} aria-hidden="true" />
          {v.name}
          {v.changed && <span className="sr-only"> (changed)</span>}
        </th>
        <td className="type">{typeOf(v.value)}</td>
        <td className="value">
          <code>{formatValue(v.value, false)}</code>
        </td>
      </tr>
    ));
  return (
    <section className="panel variables" role="region" aria-label="Variables">
      <h2>Variables</h2>
      {variables.length === 0 ? (
        <p className="empty">Run the script, then step through it to see its variables.</p>
      ) : (
        <table>
          <tbody>
            {local.length > 0 && (
              <tr className="group">
                <th colSpan={3}>{scope ?? 'function'}</th>
              </tr>
            )}
            {rows(local)}
            {global.length > 0 && local.length > 0 && (
              <tr className="group">
                <th colSpan={3}>module</th>
              </tr>
            )}
            {rows(global)}
          </tbody>
        </table>
      )}
    </section>
  );
}
