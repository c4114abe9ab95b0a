import * as monaco from 'monaco-editor/editor/editor.api.js';
// the bare editor API has no context menu: this feature alone adds it (the actions below are its first items)
import 'monaco-editor/features/contextmenu/register.js';

/**
 * "Run to this line" and "Back to this line" in the editor's context menu and on their keys: the
 * next / previous step that runs the cursor's line (a right-click moves the cursor to its line first).
 */
export function addRunToLine(
  editor: monaco.editor.IStandaloneCodeEditor,
  fileOf: (model: monaco.editor.ITextModel | null) => string | undefined,
  onRunToLine: (file: string, line: number, dir: 1 | -1) => void,
): void {
  const go = (dir: 1 | -1) => (): void => {
    const file = fileOf(editor.getModel());
    const line = editor.getPosition()?.lineNumber;
    if (file && line) onRunToLine(file, line, dir);
  };
  editor.addAction({
    id: 'stepgraph.runToLine',
    label: 'Run to this line (next time it runs)',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.F10],
    contextMenuGroupId: 'navigation',
    contextMenuOrder: 0,
    run: go(1),
  });
  editor.addAction({
    id: 'stepgraph.backToLine',
    label: 'Back to this line (previous time it ran)',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.F10],
    contextMenuGroupId: 'navigation',
    contextMenuOrder: 0.1,
    run: go(-1),
  });
}
