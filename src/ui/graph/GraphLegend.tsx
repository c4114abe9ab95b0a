import type { LegendEntry } from './legend';

const WHAT: Record<LegendEntry['kind'], string> = {
  node: 'node',
  fill: 'node fill',
  edge: 'edge',
  tree: 'tree edge',
};

/** What the colours on the graph stand for, at the step shown (a list named "Graph legend"). */
export function GraphLegend({ entries }: { entries: readonly LegendEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <ul className="graph-legend" aria-label="Graph legend">
      {entries.map((e) => (
        <li key={`${e.kind} ${e.label} ${e.color}`} title={`${e.label}: ${WHAT[e.kind]}`}>
          <span className={`swatch swatch-${e.kind}`} style={{ ['--swatch' as string]: e.color }} aria-hidden="true" />
          {e.label}
          <span className="sr-only"> ({WHAT[e.kind]})</span>
        </li>
      ))}
    </ul>
  );
}
