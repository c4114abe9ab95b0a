// Monaco's TypeScript service, set up for scripts: the generated declaration bundle, and type errors
// as warnings (a run strips types, so they never stop it) while syntax errors stay errors.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import * as ts from 'monaco-editor/languages/features/typescript/register.js';
import { DECLARATIONS } from 'virtual:stepgraph-script-types';

/** The marker owner of type diagnostics (warnings). */
export const TYPES_OWNER = 'stepgraph/types';

let configured = false;

/** Compiler options, the bundle and diagnostics options, once for TypeScript and JavaScript files alike. */
export function configureLanguages(): void {
  if (configured) return;
  configured = true;
  for (const defaults of [ts.typescriptDefaults, ts.javascriptDefaults]) {
    defaults.setCompilerOptions({
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.NodeJs,
      strict: true,
      allowJs: true,
      allowNonTsExtensions: true,
      noEmit: true,
      lib: ['es2023'],
    });
    // syntax errors from Monaco's own adapter (errors); semantic ones from `watchTypes` (warnings)
    defaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });
    // one generated bundle (scripts/scriptTypes): the globals and every allowlisted package's own types
    for (const lib of DECLARATIONS) defaults.addExtraLib(lib.text, lib.path);
  }
}

type Chain = { messageText: string; next?: Chain[] };

/** A diagnostic's message with its chain of reasons, one per line. */
const flatten = (m: string | Chain, indent = ''): string =>
  typeof m === 'string'
    ? m
    : [indent + m.messageText, ...(m.next ?? []).map((n) => flatten(n, `${indent}  `))].join('\n');

/**
 * Keeps a model's type diagnostics as warning markers, recomputed a moment after each edit.
 * Returns what stops it.
 */
export function watchTypes(model: monaco.editor.ITextModel): monaco.IDisposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let version = 0;
  const update = async (): Promise<void> => {
    const mine = ++version;
    const uri = model.uri;
    try {
      const getWorker =
        model.getLanguageId() === 'javascript' ? await ts.getJavaScriptWorker() : await ts.getTypeScriptWorker();
      const worker = await getWorker(uri);
      const found = await worker.getSemanticDiagnostics(uri.toString());
      if (mine !== version || model.isDisposed()) return;
      monaco.editor.setModelMarkers(
        model,
        TYPES_OWNER,
        found.map((d) => {
          const start = model.getPositionAt(d.start ?? 0);
          const end = model.getPositionAt((d.start ?? 0) + (d.length ?? 1));
          return {
            severity: monaco.MarkerSeverity.Warning,
            message: flatten(d.messageText as string | Chain),
            code: String(d.code),
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
          };
        }),
      );
    } catch {
      // the worker restarts or the model went away: the next edit tries again
    }
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 300);
  };
  schedule();
  const sub = model.onDidChangeContent(schedule);
  return {
    dispose() {
      clearTimeout(timer);
      sub.dispose();
      version++;
    },
  };
}
