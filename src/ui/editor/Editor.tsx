import { useEffect, useRef, useState } from 'react';
import type { TraceError } from '../../protocol/trace';
import { plainMessage } from '../app/plainMessage';
import type { BreakpointEvents, BreakpointGlyph, EditorHandle, Problem } from './monaco';
import type * as MonacoWrapper from './monaco';
import { FileTabs } from './FileTabs';
import { ProblemsList } from './ProblemsList';
import './editor.css';

/**
 * Monaco (2.7 MB) is fetched once the page has painted (the frame after the first render): the graph,
 * timeline and panels come first.
 * One promise for the page, so every editor (and a remount) shares the download.
 */
let monacoModule: Promise<typeof MonacoWrapper> | undefined;
const loadMonaco = (): Promise<typeof MonacoWrapper> =>
  (monacoModule ??= new Promise<void>((painted) => requestAnimationFrame(() => setTimeout(painted, 0))).then(
    () => import('./monaco'),
  ));

/** Props of the editor panel. */
export interface EditorProps {
  /** The playground's files. */
  files: Readonly<Record<string, string>>;
  /** The file on screen. */
  activeFile: string;
  /** The file `Run` starts. */
  mainFile: string;
  /** Shows the code without letting it be edited (an embed). */
  readOnly?: boolean;
  /** Called with a file's full text after each edit. */
  onChange: (file: string, text: string) => void;
  /** Shows another file. */
  onSelectFile?: (file: string) => void;
  /** Adds a file (asks for its name). */
  onAddFile?: () => void;
  /** Removes a file. */
  onRemoveFile?: (file: string) => void;
  /** Line of the step on screen in the active file, if the step is in it. */
  stepLine: number | undefined;
  /** The last run's failure, shown as a marker in its file when it has a position. */
  error: TraceError | undefined;
  /** True when the current step is the failing one. */
  atError: boolean;
  /** Dark theme. */
  dark: boolean;
  /** Breakpoints to draw, with their files. */
  breakpoints?: ReadonlyArray<BreakpointGlyph & { file: string }>;
  /** Setting, clearing and moving breakpoints (absent: the margin does nothing). */
  breakpointEvents?: BreakpointEvents;
}

/** The Monaco editor with a tab per file, as a region named "Editor". */
export function Editor(props: EditorProps) {
  const { files, activeFile, mainFile, readOnly = false, onChange, stepLine, error, atError, dark } = props;
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<EditorHandle | undefined>(undefined);
  const change = useRef(onChange);
  change.current = onChange;
  const latest = useRef({ files, activeFile });
  latest.current = { files, activeFile };
  const events = useRef(props.breakpointEvents);
  events.current = props.breakpointEvents;
  const withBreakpoints = props.breakpointEvents !== undefined;
  const [problems, setProblems] = useState<Problem[]>([]);
  const select = useRef(props.onSelectFile);
  select.current = props.onSelectFile;

  /** Bumped when the editor has been created, so that the effects below apply what came before. */
  const [ready, setReady] = useState(0);
  useEffect(() => {
    let gone = false;
    let h: EditorHandle | undefined;
    void loadMonaco().then(({ createEditor }) => {
      if (gone || !host.current) return;
      // typing flows out through onChange; the store's text flows back in only where it differs,
      // so the cursor and undo history survive every keystroke
      const relay: BreakpointEvents = {
        onToggle: (file, line) => events.current?.onToggle(file, line),
        onMoved: (file, lines) => events.current?.onMoved(file, lines),
        onRunToLine: (file, line, dir) => events.current?.onRunToLine?.(file, line, dir),
      };
      h = createEditor(
        host.current,
        (file, t) => change.current(file, t),
        readOnly,
        withBreakpoints ? relay : undefined,
        (file) => select.current?.(file),
      );
      h.setFiles(latest.current.files);
      h.show(latest.current.activeFile);
      if (!readOnly) h.onProblems(setProblems);
      handle.current = h;
      setReady((n) => n + 1);
    });
    return () => {
      gone = true;
      h?.dispose();
      handle.current = undefined;
    };
  }, [readOnly, withBreakpoints]);

  useEffect(() => {
    handle.current?.setFiles(files);
    handle.current?.show(activeFile);
  }, [files, activeFile, ready]);

  useEffect(() => handle.current?.setTheme(dark), [dark, ready]);

  const breakpoints = props.breakpoints;
  const names = Object.keys(files).join('\n');
  useEffect(() => {
    for (const file of names.split('\n'))
      handle.current?.setBreakpoints(
        file,
        (breakpoints ?? []).filter((b) => b.file === file),
      );
  }, [breakpoints, names, ready]);

  useEffect(() => {
    const problems =
      error?.line && error.file
        ? [
            {
              file: error.file,
              line: error.line,
              column: error.column ?? 1,
              message: `${error.name === 'StepgraphError' ? '' : `${error.name}: `}${plainMessage(error.message)}`,
            },
          ]
        : [];
    handle.current?.setProblems(problems);
  }, [error, files, ready]);

  useEffect(() => {
    handle.current?.showStep(stepLine, atError ? 'error' : 'step');
  }, [stepLine, atError, activeFile, ready]);

  return (
    <section className="panel editor" role="region" aria-label="Editor">
      {(Object.keys(files).length > 1 || !readOnly) && (
        <FileTabs
          files={Object.keys(files)}
          active={activeFile}
          main={mainFile}
          readOnly={readOnly}
          {...(props.onSelectFile ? { onSelect: props.onSelectFile } : {})}
          {...(props.onAddFile ? { onAdd: props.onAddFile } : {})}
          {...(props.onRemoveFile ? { onRemove: props.onRemoveFile } : {})}
        />
      )}
      {ready === 0 && <p className="editor-loading">Loading the editor…</p>}
      <div className="editor-host" ref={host} />
      {!readOnly && (
        <ProblemsList
          problems={problems}
          onGo={(p) => {
            if (p.file !== latest.current.activeFile) select.current?.(p.file);
            handle.current?.reveal(p.file, p.line, p.column);
          }}
        />
      )}
    </section>
  );
}
