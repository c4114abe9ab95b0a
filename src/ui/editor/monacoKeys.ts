import * as monaco from 'monaco-editor/editor/editor.api.js';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The next (or previous) control of the page after `from`, skipping what is inside `from`. */
function neighbour(from: HTMLElement, backward: boolean): HTMLElement | undefined {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !from.contains(el) && !el.hasAttribute('disabled') && el.offsetParent !== null,
  );
  const after = all.filter((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const before = all.filter((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  return backward ? before.at(-1) : after[0];
}

/**
 * Ways out of the editor for the keyboard: Ctrl+M toggles Monaco's tab focus mode (Tab then moves
 * focus, as in VS Code), and Escape then Tab (or Shift+Tab) moves focus once, leaving Tab to indent
 * otherwise.
 */
export function keyboardExits(editor: monaco.editor.IStandaloneCodeEditor, container: HTMLElement): monaco.IDisposable {
  let armed = false;
  return editor.onKeyDown((e) => {
    if (e.keyCode === monaco.KeyCode.Escape) {
      armed = true;
      return;
    }
    const wasArmed = armed;
    armed = false;
    if (!wasArmed || e.keyCode !== monaco.KeyCode.Tab || e.ctrlKey || e.altKey || e.metaKey) return;
    const target = neighbour(container, e.shiftKey);
    if (!target) return;
    e.preventDefault();
    e.stopPropagation();
    target.focus();
  });
}
