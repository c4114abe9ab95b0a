import { useEffect, useRef } from 'react';
import type { TraceError } from '../../protocol/trace';
import { createEditor, type EditorHandle } from './monaco';

/** Props of the editor panel. */
export interface EditorProps {
  /** The main file's text: taken when the editor is created and whenever `docVersion` changes. */
  text: string;
  /** Bumped when a whole doc is loaded (a link, a draft): the editor takes `text` then. */
  docVersion: number;
  /** Shows the code without letting it be edited (an embed). */
  readOnly?: boolean;
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
export function Editor({ text, docVersion, readOnly = false, onChange, stepLine, error, atError, dark }: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<EditorHandle | undefined>(undefined);
  const change = useRef(onChange);
  change.current = onChange;
  const latestText = useRef(text);
  latestText.current = text;

  useEffect(() => {
    if (!host.current) return;
    // typing flows out through onChange; text flows back in only when a new doc is loaded, so the
    // cursor and undo history survive every keystroke
    const h = createEditor(host.current, latestText.current, (t) => change.current(t), readOnly);
    handle.current = h;
    return () => h.dispose();
  }, [readOnly]);

  useEffect(() => handle.current?.setText(latestText.current), [docVersion]);

  useEffect(() => handle.current?.setTheme(dark), [dark]);

  useEffect(() => {
    const problems = error?.line
      ? [{ line: error.line, column: error.column ?? 1, message: `${error.name}: ${error.message}` }]
      : [];
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
