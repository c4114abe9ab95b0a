// The one wrapper around Monaco: the rest of the UI never imports monaco-editor.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/languages/definitions/typescript/register.js';
import './monacoFeatures';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker.js?worker';
import { keyboardExits } from './monacoKeys';
import { registerManifestCompletions, watchManifest } from './monacoManifest';
import { watchProblems, type Problem } from './monacoProblems';
import { configureLanguages, watchTypes } from './monacoTypes';

export type { Problem } from './monacoProblems';
import { addRunToLine } from './monacoRunToLine';

let configured = false;

function configure(): void {
  if (configured) return;
  configured = true;
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) =>
      label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker(),
  };
  configureLanguages();
  registerManifestCompletions();
}

/** A problem to show as an editor marker. */
export interface EditorProblem {
  /** The file it is in. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Text shown on hover. */
  message: string;
}

/** How a breakpoint looks in the glyph margin. */
export type BreakpointKind = 'plain' | 'conditional' | 'error' | 'hit';

/** A breakpoint to draw: its line and how it looks. */
export interface BreakpointGlyph {
  /** 1-based line. */
  line: number;
  /** Plain, conditional, with a condition that cannot be used, or the one the step stopped at. */
  kind: BreakpointKind;
  /** Text on hover (the condition, or its error). */
  hover: string;
}

/** What the editor reports about breakpoints. */
export interface BreakpointEvents {
  /** A click in the glyph margin, or F9 on the cursor's line. */
  onToggle(file: string, line: number): void;
  /** An edit moved a file's breakpoints: their new lines, in the order they were last given. */
  onMoved(file: string, lines: number[]): void;
  /** Run to this line: the next (1) or previous (-1) step that runs the cursor's line. */
  onRunToLine?(file: string, line: number, dir: 1 | -1): void;
}

const GLYPH: Record<BreakpointKind, string> = {
  plain: 'sg-bp',
  conditional: 'sg-bp-cond',
  error: 'sg-bp-error',
  hit: 'sg-bp-hit',
};

/** What the rest of the UI can do with the editor. */
export interface EditorHandle {
  /** Keeps one model per playground file (so imports between them type-check); new text replaces a model's only when it differs. */
  setFiles(files: Readonly<Record<string, string>>): void;
  /** Shows one of the files. */
  show(file: string): void;
  /** Shows the run's problems as markers on their files (replacing earlier ones). */
  setProblems(problems: EditorProblem[]): void;
  /** Decorates the current step's line in the file on screen, or clears it. */
  showStep(line: number | undefined, kind: 'step' | 'error'): void;
  /** Draws a file's breakpoints; Monaco then moves them with edits (reported through `onMoved`). */
  setBreakpoints(file: string, glyphs: readonly BreakpointGlyph[]): void;
  /** Switches between the light and dark themes. */
  setTheme(dark: boolean): void;
  /** Calls `listener` with every file's errors and warnings now and whenever they change. */
  onProblems(listener: (problems: Problem[]) => void): void;
  /** Shows a file at a line and column, with the cursor there and the focus in the editor. */
  reveal(file: string, line: number, column: number): void;
  /** Frees the editor. */
  dispose(): void;
}

const uriOf = (file: string): monaco.Uri => monaco.Uri.parse(`file:///${file}`);
const languageOf = (file: string): string => (/\.m?js$/.test(file) ? 'javascript' : 'typescript');

/** Creates the editor in `container`; `onChange` receives each edit's file and full text. */
export function createEditor(
  container: HTMLElement,
  onChange: (file: string, text: string) => void,
  readOnly = false,
  breakpoints?: BreakpointEvents,
  onOpenFile?: (file: string) => void,
): EditorHandle {
  configure();
  const models = new Map<string, { model: monaco.editor.ITextModel; sub: monaco.IDisposable }>();
  const listeners: monaco.IDisposable[] = [];
  /** Per file: the ids of its breakpoint decorations, in the order they were given, and their lines then. */
  const marks = new Map<string, { ids: string[]; lines: number[] }>();
  const editor = monaco.editor.create(container, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    glyphMargin: true,
    tabSize: 2,
    // hovers, completions and signature help may spill over the graph rather than be cut at the pane
    fixedOverflowWidgets: true,
    ariaLabel: readOnly ? 'Script (read-only)' : 'Script editor',
    readOnly,
    domReadOnly: readOnly,
  });
  const decorations = editor.createDecorationsCollection();
  listeners.push(keyboardExits(editor, container));
  // go to definition into another playground file: that file's tab, at the definition
  listeners.push(
    monaco.editor.registerEditorOpener({
      openCodeEditor(source, resource, selection) {
        const model = monaco.editor.getModel(resource);
        const file = fileOf(model);
        if (source !== editor || !model || file === undefined) return false;
        onOpenFile?.(file);
        editor.setModel(model);
        if (selection && 'startLineNumber' in selection) {
          editor.setSelection(selection);
          editor.revealRangeInCenterIfOutsideViewport(selection);
        } else if (selection) {
          editor.setPosition(selection);
          editor.revealPositionInCenterIfOutsideViewport(selection);
        }
        return true;
      },
    }),
  );
  let applying = false;
  const fileOf = (model: monaco.editor.ITextModel | null): string | undefined =>
    [...models].find(([, e]) => e.model === model)?.[0];
  const linesNow = (model: monaco.editor.ITextModel, ids: string[]): number[] =>
    ids.map((id) => model.getDecorationRange(id)?.startLineNumber ?? 0);
  /** After an edit: where Monaco moved the file's breakpoints, reported when they moved. */
  const breakpointsMoved = (name: string, model: monaco.editor.ITextModel): void => {
    const m = marks.get(name);
    if (!m || m.ids.length === 0) return;
    const lines = linesNow(model, m.ids);
    if (lines.every((l, i) => l === m.lines[i])) return;
    m.lines = lines;
    breakpoints?.onMoved(name, lines);
  };
  if (breakpoints && !readOnly) {
    editor.onMouseDown((e) => {
      const file = fileOf(editor.getModel());
      if (e.target.type !== monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN || !e.target.position || !file) return;
      breakpoints.onToggle(file, e.target.position.lineNumber);
    });
    editor.addCommand(monaco.KeyCode.F9, () => {
      const file = fileOf(editor.getModel());
      const line = editor.getPosition()?.lineNumber;
      if (file && line) breakpoints.onToggle(file, line);
    });
  }
  if (breakpoints?.onRunToLine) addRunToLine(editor, fileOf, breakpoints.onRunToLine);
  return {
    setFiles(files) {
      for (const [name, entry] of models) {
        if (name in files) continue;
        entry.sub.dispose();
        entry.model.dispose();
        models.delete(name);
      }
      for (const [name, text] of Object.entries(files)) {
        const entry = models.get(name);
        if (!entry) {
          const model = monaco.editor.createModel(text, languageOf(name), uriOf(name));
          const edits = model.onDidChangeContent(() => {
            if (applying) return;
            onChange(name, model.getValue());
            breakpointsMoved(name, model);
          });
          const checks = readOnly ? [] : [watchTypes(model), watchManifest(model)];
          const sub = { dispose: () => [edits, ...checks].forEach((d) => d.dispose()) };
          models.set(name, { model, sub });
        } else if (entry.model.getValue() !== text) {
          applying = true;
          entry.model.setValue(text);
          applying = false;
        }
      }
    },
    show(file) {
      const entry = models.get(file);
      if (entry && editor.getModel() !== entry.model) editor.setModel(entry.model);
    },
    setProblems(problems) {
      for (const [name, { model }] of models) {
        monaco.editor.setModelMarkers(
          model,
          'stepgraph',
          problems
            .filter((p) => p.file === name)
            .map((p) => ({
              severity: monaco.MarkerSeverity.Error,
              source: 'run',
              message: p.message,
              startLineNumber: p.line,
              startColumn: p.column,
              endLineNumber: p.line,
              endColumn: Math.max(p.column + 1, model.getLineMaxColumn(Math.min(p.line, model.getLineCount()))),
            })),
        );
      }
    },
    showStep(line, kind) {
      if (line === undefined) {
        decorations.clear();
        return;
      }
      decorations.set([
        {
          range: new monaco.Range(line, 1, line, 1),
          options: {
            isWholeLine: true,
            className: kind === 'error' ? 'sg-line-error' : 'sg-line-current',
            glyphMarginClassName: kind === 'error' ? 'sg-glyph-error' : 'sg-glyph-current',
          },
        },
      ]);
      editor.revealLineInCenterIfOutsideViewport(line);
    },
    setBreakpoints(file, glyphs) {
      const model = models.get(file)?.model;
      if (!model) return;
      const old = marks.get(file) ?? { ids: [], lines: [] };
      const lines = glyphs.map((g) => Math.min(g.line, model.getLineCount()));
      const decorations = glyphs.map((g, i) => {
        const line = lines[i] as number;
        return {
          // the whole line, never growing at its edges: a line typed above or a newline at its start moves it down
          range: new monaco.Range(line, 1, line, model.getLineMaxColumn(line)),
          options: {
            stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
            glyphMarginClassName: GLYPH[g.kind],
            glyphMarginHoverMessage: { value: g.hover },
          },
        };
      });
      const ids = model.deltaDecorations(old.ids, decorations);
      marks.set(file, { ids, lines });
    },
    setTheme(dark) {
      monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
    },
    onProblems(listener) {
      listeners.push(watchProblems((uri) => fileOf(monaco.editor.getModel(uri)), listener));
    },
    reveal(file, line, column) {
      const entry = models.get(file);
      if (!entry) return;
      if (editor.getModel() !== entry.model) editor.setModel(entry.model);
      editor.setPosition({ lineNumber: line, column });
      editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
      editor.focus();
    },
    dispose() {
      for (const l of listeners) l.dispose();
      editor.dispose();
      for (const { model, sub } of models.values()) {
        sub.dispose();
        model.dispose();
      }
      models.clear();
    },
  };
}
