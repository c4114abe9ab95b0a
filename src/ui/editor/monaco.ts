// The one wrapper around Monaco: the rest of the UI never imports monaco-editor.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import * as ts from 'monaco-editor/languages/features/typescript/register.js';
import 'monaco-editor/languages/definitions/typescript/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker.js?worker';
import { SCRIPT_GLOBALS } from './scriptGlobals';
import { GRAPHOLOGY_LIBS } from './graphologyTypes';

let configured = false;

function configure(): void {
  if (configured) return;
  configured = true;
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) =>
      label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker(),
  };
  ts.typescriptDefaults.setCompilerOptions({
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    strict: true,
    allowNonTsExtensions: true,
    noEmit: true,
    lib: ['es2023'],
  });
  ts.typescriptDefaults.addExtraLib(SCRIPT_GLOBALS, 'file:///stepgraph-globals.d.ts');
  for (const lib of GRAPHOLOGY_LIBS) ts.typescriptDefaults.addExtraLib(lib.text, lib.path);
}

/** A problem to show as an editor marker. */
export interface EditorProblem {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Text shown on hover. */
  message: string;
}

/** What the rest of the UI can do with the editor. */
export interface EditorHandle {
  /** Shows the run's problems as markers (replacing earlier ones). */
  setProblems(problems: EditorProblem[]): void;
  /** Decorates the current step's line, or clears it. */
  showStep(line: number | undefined, kind: 'step' | 'error'): void;
  /** Switches between the light and dark themes. */
  setTheme(dark: boolean): void;
  /** Replaces the text (for samples and loaded links). */
  setText(text: string): void;
  /** Frees the editor. */
  dispose(): void;
}

/** Creates the editor in `container`; `onChange` receives each edit's full text. */
export function createEditor(
  container: HTMLElement,
  text: string,
  onChange: (text: string) => void,
  readOnly = false,
): EditorHandle {
  configure();
  const model = monaco.editor.createModel(text, 'typescript', monaco.Uri.parse('file:///main.ts'));
  const editor = monaco.editor.create(container, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    glyphMargin: true,
    tabSize: 2,
    ariaLabel: readOnly ? 'Script (read-only)' : 'Script editor',
    readOnly,
    domReadOnly: readOnly,
  });
  const sub = model.onDidChangeContent(() => onChange(model.getValue()));
  const decorations = editor.createDecorationsCollection();
  return {
    setProblems(problems) {
      monaco.editor.setModelMarkers(
        model,
        'stepgraph',
        problems.map((p) => ({
          severity: monaco.MarkerSeverity.Error,
          message: p.message,
          startLineNumber: p.line,
          startColumn: p.column,
          endLineNumber: p.line,
          endColumn: Math.max(p.column + 1, model.getLineMaxColumn(Math.min(p.line, model.getLineCount()))),
        })),
      );
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
    setTheme(dark) {
      monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
    },
    setText(t) {
      if (model.getValue() !== t) model.setValue(t);
    },
    dispose() {
      sub.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
