// Where a JSON text stops being JSON. Engines differ in what JSON.parse says (Node 20 gives no
// position for an unexpected token), so a failed parse is scanned again to name the line.

const TOKEN =
  // eslint-disable-next-line no-control-regex -- a JSON string may not hold control characters
  /\s*(?:("(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*")|(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?)|(true|false|null)|([{}[\]:,]))/y;

/** The offset of the first character that is not JSON in `text`, or -1 when it all is. */
export function jsonErrorOffset(text: string): number {
  // what may come next: a value, a key (or `}`), a `:`, a `,` or a closer
  const stack: Array<'{' | '['> = [];
  let expect: 'value' | 'key' | 'colon' | 'next' | 'firstValue' | 'firstKey' = 'value';
  let at = 0;
  const ws = /\s*/y;
  for (;;) {
    ws.lastIndex = at;
    ws.exec(text);
    const start = ws.lastIndex;
    if (start >= text.length) return stack.length === 0 && expect === 'next' ? -1 : text.length;
    if (stack.length === 0 && expect === 'next') return start;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) return start;
    const [, str, num, lit, punct] = m;
    at = TOKEN.lastIndex;
    const top = stack[stack.length - 1];
    if (expect === 'colon') {
      if (punct !== ':') return start;
      expect = 'value';
    } else if (expect === 'key' || expect === 'firstKey') {
      if (punct === '}' && expect === 'firstKey') {
        stack.pop();
        expect = 'next';
      } else if (str !== undefined) expect = 'colon';
      else return start;
    } else if (expect === 'value' || expect === 'firstValue') {
      if (punct === ']' && expect === 'firstValue') {
        stack.pop();
        expect = 'next';
      } else if (str !== undefined || num !== undefined || lit !== undefined) expect = 'next';
      else if (punct === '{') {
        stack.push('{');
        expect = 'firstKey';
      } else if (punct === '[') {
        stack.push('[');
        expect = 'firstValue';
      } else return start;
    } else if (punct === ',' && top) expect = top === '{' ? 'key' : 'value';
    else if ((punct === '}' && top === '{') || (punct === ']' && top === '[')) {
      stack.pop();
      expect = 'next';
    } else return start;
  }
}
