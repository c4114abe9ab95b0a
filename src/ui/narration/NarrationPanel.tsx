import { useEffect, useMemo, useRef } from 'react';
import type { TraceReader } from '../../tracer/reader';
import { firstAbove } from '../../tracer/lineIndex';
import './narration.css';

/** A `trace.note` line and the step that wrote it. */
interface Note {
  step: number;
  text: string;
}

/** The run's `trace.note` lines, in step order (the same text the graph state keeps). */
export function notesOf(reader: TraceReader | undefined): Note[] {
  if (!reader) return [];
  return reader.trace.graphOps
    .filter((o) => o.kind === 'note')
    .map((o) => {
      const a = o.args[0];
      return { step: o.step, text: typeof a === 'string' ? a : String(a ?? '') };
    });
}

/**
 * The script's narration beside the console, as a region named "Narration": every `trace.note` of
 * the run, the ones still to come dimmed, the latest one at or before the step marked as current
 * and kept in view; a note is a button that jumps to the step that wrote it.
 */
export function NarrationPanel({
  notes,
  step,
  onSeek,
}: {
  notes: readonly Note[];
  step: number;
  onSeek: (step: number) => void;
}) {
  const steps = useMemo(() => Uint32Array.from(notes.map((n) => n.step)), [notes]);
  const current = firstAbove(steps, step) - 1;
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  return (
    <section className="panel narration" role="region" aria-label="Narration">
      <h2>Narration</h2>
      <ol ref={list}>
        {notes.map((n, i) => (
          <li key={i} className={i > current ? 'future' : undefined} aria-current={i === current ? 'step' : undefined}>
            <button type="button" onClick={() => onSeek(n.step)} title={`Go to step ${n.step + 1}`}>
              <span className="note-step">{n.step + 1}</span> {n.text}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
