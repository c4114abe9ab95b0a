import type { DecisionStorage, NetworkDecision } from './consent';

/** The `localStorage` key that holds every playground's network decisions. */
export const DECISIONS_KEY = 'stepgraph:network-decisions';
/** How many playgrounds' decisions are kept; the oldest go first. */
const MAX_DECISIONS = 200;

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isDecision = (v: unknown): v is NetworkDecision =>
  typeof v === 'object' &&
  v !== null &&
  isStrings((v as NetworkDecision).allow) &&
  isStrings((v as NetworkDecision).deny);

/** Decisions in memory: for an embed (which never writes the reader's storage) and for tests. */
export function memoryDecisions(): DecisionStorage {
  const map = new Map<string, NetworkDecision>();
  return { read: (key) => map.get(key), write: (key, d) => void map.set(key, d) };
}

/**
 * Decisions in the page's `localStorage`, one record for all, newest last. A record that is not
 * exactly what this code writes reads as no decision: the person is asked again, never allowed.
 */
export function localDecisions(storage: Storage): DecisionStorage {
  const load = (): Array<[string, NetworkDecision]> => {
    try {
      const raw: unknown = JSON.parse(storage.getItem(DECISIONS_KEY) ?? '[]');
      return Array.isArray(raw)
        ? raw.filter(
            (e): e is [string, NetworkDecision] => Array.isArray(e) && typeof e[0] === 'string' && isDecision(e[1]),
          )
        : [];
    } catch {
      return [];
    }
  };
  return {
    read: (key) => load().find(([k]) => k === key)?.[1],
    write: (key, decision) => {
      const rest = load().filter(([k]) => k !== key);
      const kept = [...rest, [key, { allow: decision.allow, deny: decision.deny }] as [string, NetworkDecision]];
      try {
        storage.setItem(DECISIONS_KEY, JSON.stringify(kept.slice(-MAX_DECISIONS)));
      } catch {
        // storage full or refused: this run still gets the answer, and the person is asked again next time
      }
    },
  };
}

/** The page's decisions: `localStorage`, or memory in an embed and where storage is refused (privacy modes). */
export function pageDecisions(embed: boolean): DecisionStorage {
  if (embed) return memoryDecisions();
  try {
    return localDecisions(window.localStorage);
  } catch {
    return memoryDecisions();
  }
}
