import { useEffect, useRef } from 'react';
import type { TraceError } from '../../protocol/trace';
import { createEditor, type EditorHandle } from './monaco';

/** Props of the editor panel. */
export interface EditorProps {
  /** The text when the editor is created. */
  initialText: string;
  /** Called with the full text after each edit. */
  onChange: (text: string) => void;
  /** Line of the step on screen, if any. */
  stepLine: number | undefined;
  /** The last run's failure, shown as a marker when it has a position. */
  error: TraceError | undefined;
  /** True when the current step is the failing one. */
  atError: boolean;
  /** Dark theme. */
  dark: boolean;
}

/** The Monaco editor, as a region named "Editor". */
export function Editor({ initialText, onChange, stepLine, error, atError, dark }: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<EditorHandle | undefined>(undefined);
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    // created once: later text changes flow out through onChange, never back in
    const h = createEditor(host.current, initialText, (t) => change.current(t));
    handle.current = h;
    return () => h.dispose();
  }, []);

  useEffect(() => handle.current?.setTheme(dark), [dark]);

  useEffect(() => {
    const problems = error?.line ? [{ line: error.line, column: error.column ?? 1, message: `${error.name}: ${error.message}` }] : [];
    handle.current?.setProblems(problems);
  }, [error]);

  useEffect(() => {
    handle.current?.showStep(stepLine, atError ? 'error' : 'step');
  }, [stepLine, atError]);

  return (
    <section className="panel editor" role="region" aria-label="Editor">
      <div className="editor-host" ref={host} />
    </section>
  );
}
