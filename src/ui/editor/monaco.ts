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
  /** The file it is in. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Text shown on hover. */
  message: string;
}

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
  /** Switches between the light and dark themes. */
  setTheme(dark: boolean): void;
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
): EditorHandle {
  configure();
  const models = new Map<string, { model: monaco.editor.ITextModel; sub: monaco.IDisposable }>();
  const editor = monaco.editor.create(container, {
    model: null,
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
  const decorations = editor.createDecorationsCollection();
  let applying = false;
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
          const sub = model.onDidChangeContent(() => {
            if (!applying) onChange(name, model.getValue());
          });
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
    setTheme(dark) {
      monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
    },
    dispose() {
      editor.dispose();
      for (const { model, sub } of models.values()) {
        sub.dispose();
        model.dispose();
      }
      models.clear();
    },
  };
}
