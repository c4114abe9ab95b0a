import { useMemo } from 'react';
import { compileCondition } from '../../tracer/condition';
import type { TraceReader } from '../../tracer/reader';
import type { BreakpointMark } from '../state/breakpoints';
import { breakpointSearch } from '../state/breakpointSearch';

/** Columns of the strip: a mark is a column holding at least one hit, so a million steps draw as fast as ten. */
const COLUMNS = 400;

/**
 * Where the breakpoints' lines ran, as a strip above the slider (a density strip: one mark per
 * column that holds a hit). Conditional breakpoints are drawn lighter: their line ran there, the
 * condition is only evaluated when Play or a jump gets there.
 */
export function TimelineMarks({
  reader,
  breakpoints,
}: {
  reader: TraceReader | undefined;
  breakpoints: readonly BreakpointMark[];
}) {
  const columns = useMemo(() => {
    const out = new Map<number, 'plain' | 'conditional'>();
    if (!reader || reader.length === 0 || breakpoints.length === 0) return out;
    const search = breakpointSearch(reader, breakpoints);
    const scale = COLUMNS / reader.length;
    breakpoints.forEach((b, i) => {
      // a condition that cannot be used never stops: nothing to mark
      if (b.condition && !compileCondition(b.condition).ok) return;
      const kind = b.condition ? 'conditional' : 'plain';
      for (const s of search.lineSteps(i)) {
        const c = Math.floor(s * scale);
        if (out.get(c) !== 'plain') out.set(c, kind);
      }
    });
    return out;
  }, [reader, breakpoints]);
  if (columns.size === 0) return null;
  return (
    <svg className="timeline-marks" viewBox={`0 0 ${COLUMNS} 6`} preserveAspectRatio="none" aria-hidden="true">
      {[...columns].map(([c, kind]) => (
        <rect key={c} x={c} y={0} width={1} height={6} className={`mark-${kind}`} />
      ))}
    </svg>
  );
}
