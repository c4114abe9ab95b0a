/** A section of the manifest whose keys are names from a fixed table. */
export type ManifestSection = 'limits' | 'permissions';

/** A key written in one of the manifest's sections, with its place in the text. */
export interface ManifestKey {
  /** The section it is in. */
  section: ManifestSection;
  /** The key as the object has it (quotes removed). */
  name: string;
  /** Offset of the key's first character (its opening quote, if quoted). */
  start: number;
  /** Offset just past the key. */
  end: number;
}

/** Where a cursor is in a manifest section, when it is where a key goes. */
export interface KeySlot {
  /** The section. */
  section: ManifestSection;
  /** Offset where the key being typed starts (after its quote, if any). */
  from: number;
  /** True when the key is being typed inside quotes. */
  quoted: boolean;
}

/** What the scanner found: the keys, and the slot at the end of the text if it ends where a key goes. */
export interface ManifestScan {
  /** Every key of `limits` and `permissions`, in order. */
  keys: ManifestKey[];
  /** Set when the text ends inside a section, where a key goes. */
  slot: KeySlot | undefined;
}

const START = /\bexport\s+const\s+manifest\b[^=;]*=\s*\{/;
const SECTIONS: readonly string[] = ['limits', 'permissions'];

type Token = { kind: 'word' | 'string' | 'punct'; text: string; start: number; end: number; closed: boolean };

/** Skips a comment or reads one token at `i`; undefined past the end. */
function next(text: string, i: number): { token?: Token; at: number } | undefined {
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  if (i >= text.length) return undefined;
  const c = text[i] as string;
  if (text.startsWith('//', i)) {
    const nl = text.indexOf('\n', i);
    return { at: nl < 0 ? text.length : nl };
  }
  if (text.startsWith('/*', i)) {
    const close = text.indexOf('*/', i + 2);
    return { at: close < 0 ? text.length : close + 2 };
  }
  if (c === "'" || c === '"' || c === '`') {
    let j = i + 1;
    while (j < text.length && text[j] !== c && (c === '`' || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
    const closed = text[j] === c;
    const end = Math.min(closed ? j + 1 : j, text.length);
    return { token: { kind: 'string', text: text.slice(i + 1, closed ? j : end), start: i, end, closed }, at: end };
  }
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 200));
  if (word) {
    const end = i + word[0].length;
    return { token: { kind: 'word', text: word[0], start: i, end, closed: true }, at: end };
  }
  return { token: { kind: 'punct', text: c, start: i, end: i + 1, closed: true }, at: i + 1 };
}

/**
 * Reads the keys of `export const manifest = { permissions: {…}, limits: {…} }` without running
 * anything: a small tokenizer that knows strings, comments and brackets, so the editor can check the
 * names and offer them while the code is being typed (and is half-written). Anything it does not
 * understand ends the scan; it never throws.
 */
export function scanManifest(text: string): ManifestScan {
  const keys: ManifestKey[] = [];
  const found = START.exec(text);
  if (!found) return { keys, slot: undefined };
  /** Open brackets; a section's brace carries the section's name. */
  const stack: Array<{ bracket: string; section?: ManifestSection }> = [{ bracket: '{' }];
  let prev: Token | undefined;
  let pendingSection: ManifestSection | undefined;
  let last: Token | undefined;
  let at = found.index + found[0].length;
  for (let step = next(text, at); step; step = next(text, at)) {
    at = step.at;
    const t = step.token;
    if (!t) continue;
    const top = stack[stack.length - 1];
    if (t.kind === 'punct' && '{[('.includes(t.text)) {
      const section = t.text === '{' && stack.length === 1 && last?.text === ':' ? pendingSection : undefined;
      stack.push(section ? { bracket: t.text, section } : { bracket: t.text });
    } else if (t.kind === 'punct' && '}])'.includes(t.text)) {
      stack.pop();
      if (stack.length === 0) return { keys, slot: undefined };
    } else if (t.kind === 'punct' && t.text === ':' && prev && prev.kind !== 'punct' && last === prev) {
      if (stack.length === 1)
        pendingSection = SECTIONS.includes(prev.text) ? (prev.text as ManifestSection) : undefined;
      if (top?.section && stack.length === 2)
        keys.push({ section: top.section, name: prev.text, start: prev.start, end: prev.end });
    }
    prev = t.kind === 'punct' ? undefined : t;
    last = t;
  }
  const top = stack[stack.length - 1];
  if (!top?.section || stack.length !== 2) return { keys, slot: undefined };
  // where a key goes: right after `{` or `,`, or while typing the key itself
  if (!last || (last.kind === 'punct' && (last.text === '{' || last.text === ',')))
    return { keys, slot: { section: top.section, from: text.length, quoted: false } };
  const before = keys.at(-1);
  const typing = last.kind !== 'punct' && !(before && before.start === last.start);
  if (typing && (last.kind === 'word' || !last.closed)) {
    const quoted = last.kind === 'string';
    return { keys, slot: { section: top.section, from: quoted ? last.start + 1 : last.start, quoted } };
  }
  return { keys, slot: undefined };
}
