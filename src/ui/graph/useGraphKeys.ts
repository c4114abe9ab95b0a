import { useCallback, type KeyboardEvent } from 'react';
import type { PlaygroundStore } from '../state/store';
import { positionOf } from '../state/graphEdit';

const NUDGE = 20;
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-NUDGE, 0],
  ArrowRight: [NUDGE, 0],
  ArrowUp: [0, -NUDGE],
  ArrowDown: [0, NUDGE],
};

/**
 * Keys on the focused canvas, so the keyboard does what the mouse does: N adds a node, ] and [
 * walk the nodes (Shift adds to the selection), E connects, Delete removes, Alt+arrows move,
 * Escape clears the selection.
 */
export function useGraphKeys(store: PlaygroundStore, editable: boolean): (e: KeyboardEvent) => void {
  return useCallback(
    (e: KeyboardEvent) => {
      if (!editable || e.ctrlKey || e.metaKey) return;
      const { graph, selection } = store.getSnapshot();
      const act = (): boolean => {
        if (e.altKey && ARROWS[e.key]) {
          const [dx, dy] = ARROWS[e.key] ?? [0, 0];
          const moved = new Map(
            graph.nodes.flatMap((n) => {
              const p = positionOf(n);
              return selection.includes(n.key) && p ? [[n.key, { x: p.x + dx, y: p.y + dy }] as const] : [];
            }),
          );
          store.moveNodes(moved);
          return true;
        }
        if (e.altKey) return false;
        if (e.key === 'n' || e.key === 'N') store.addNode();
        else if (e.key === 'e' || e.key === 'E') store.connectSelected();
        else if (e.key === 'Delete' || e.key === 'Backspace') store.deleteSelected();
        else if (e.key === 'Escape') store.select([]);
        else if (e.code === 'BracketRight' || e.code === 'BracketLeft') {
          const keys = graph.nodes.map((n) => n.key);
          if (keys.length === 0) return true;
          const last = [...selection].reverse().find((id) => keys.includes(id));
          const at = last === undefined ? -1 : keys.indexOf(last);
          const step = e.code === 'BracketRight' ? 1 : -1;
          const next =
            (at < 0 ? keys[step > 0 ? 0 : keys.length - 1] : keys[(at + step + keys.length) % keys.length]) ?? '';
          store.select(e.shiftKey ? [...selection.filter((id) => id !== next), next] : [next]);
        } else return false;
        return true;
      };
      if (act()) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    [store, editable],
  );
}
