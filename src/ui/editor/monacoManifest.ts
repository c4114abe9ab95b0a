// The manifest in the editor: unknown limit names and permission kinds are markers as they are
// typed, and the names are offered where a key goes (the manifest is a plain literal, so
// TypeScript itself has no type to check it against).
import * as monaco from 'monaco-editor/editor/editor.api.js';
import { manifestProblems, SECTION_NAMES } from './manifestProblems';
import { scanManifest } from './manifestScan';

/** The marker owner of manifest problems. */
export const MANIFEST_OWNER = 'stepgraph/manifest';

/** Keeps a model's manifest problems as error markers (a run would refuse them). */
export function watchManifest(model: monaco.editor.ITextModel): monaco.IDisposable {
  const update = (): void => {
    const problems = manifestProblems(model.getValue());
    monaco.editor.setModelMarkers(
      model,
      MANIFEST_OWNER,
      problems.map((p) => {
        const start = model.getPositionAt(p.start);
        const end = model.getPositionAt(p.end);
        return {
          severity: monaco.MarkerSeverity.Error,
          message: p.message,
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        };
      }),
    );
  };
  update();
  return model.onDidChangeContent(update);
}

let registered = false;

/** Offers the limit names inside `limits: {…}` and the permission kinds inside `permissions: {…}`. */
export function registerManifestCompletions(): void {
  if (registered) return;
  registered = true;
  for (const language of ['typescript', 'javascript'])
    monaco.languages.registerCompletionItemProvider(language, {
      triggerCharacters: ["'", '"'],
      provideCompletionItems(model, position) {
        const offset = model.getOffsetAt(position);
        const slot = scanManifest(model.getValue().slice(0, offset)).slot;
        if (!slot) return { suggestions: [] };
        const from = model.getPositionAt(slot.from);
        const range = new monaco.Range(from.lineNumber, from.column, position.lineNumber, position.column);
        const valid = (name: string): boolean => /^[A-Za-z_$][\w$]*$/.test(name);
        return {
          suggestions: SECTION_NAMES[slot.section].map((name, i) => ({
            label: name,
            kind: monaco.languages.CompletionItemKind.Property,
            detail: slot.section === 'limits' ? 'limit' : 'permission kind',
            // unquoted, a name with a slash needs quotes; inside quotes, just the name
            insertText: slot.quoted || valid(name) ? name : `'${name}'`,
            sortText: String(i).padStart(3, '0'),
            range,
          })),
        };
      },
    });
}
