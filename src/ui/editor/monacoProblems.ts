import * as monaco from 'monaco-editor/editor/editor.api.js';

/** A marker of one of the playground's files, as the Problems list shows it. */
export interface Problem {
  /** The file it is in. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Errors stop a run (syntax, the manifest, the run's failure); warnings do not (types). */
  severity: 'error' | 'warning';
  /** The message, in plain words. */
  message: string;
}

/** Every error and warning marker of the files `fileOf` knows, errors first, then by file and line. */
export function currentProblems(fileOf: (uri: monaco.Uri) => string | undefined): Problem[] {
  const out: Problem[] = [];
  for (const m of monaco.editor.getModelMarkers({})) {
    const file = fileOf(m.resource);
    if (file === undefined || m.severity < monaco.MarkerSeverity.Warning) continue;
    out.push({
      file,
      line: m.startLineNumber,
      column: m.startColumn,
      severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : 'warning',
      message: m.message,
    });
  }
  const rank = (p: Problem): number => (p.severity === 'error' ? 0 : 1);
  return out.sort(
    (a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** Calls `listener` with the problems whenever a marker changes. */
export function watchProblems(
  fileOf: (uri: monaco.Uri) => string | undefined,
  listener: (problems: Problem[]) => void,
): monaco.IDisposable {
  listener(currentProblems(fileOf));
  return monaco.editor.onDidChangeMarkers(() => listener(currentProblems(fileOf)));
}
