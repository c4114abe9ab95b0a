import type { Document, Element } from '@xmldom/xmldom';
import { FORMAT_CODES, FormatError } from './errors';
import { FORMAT_LIMITS, type FormatLimits } from './limits';
import { childrenNamed, localName, nameOf } from './xml';

const TYPES = ['directed', 'undirected', 'mixed'];

/**
 * Checks what graphology's XML readers assume without saying so, naming the element when it does
 * not hold: one `<graph>`, every node with an id, every edge joining two of them, within the
 * limits. Returns each edge's id (or null), in document order.
 */
export function checkXmlGraph(
  doc: Document,
  reader: string,
  limits: FormatLimits = FORMAT_LIMITS,
  typeAttribute = 'edgedefault',
): Array<string | null> {
  const root = doc.documentElement as Element;
  const graphs = childrenNamed(root, 'graph');
  const bad = (message: string): FormatError => new FormatError(FORMAT_CODES.BAD_GRAPH, reader, message);
  if (graphs.length !== 1) throw bad(`<${localName(root)}> must hold exactly one <graph>, it holds ${graphs.length}`);
  const declared = (graphs[0] as Element).getAttribute(typeAttribute);
  if (declared && !TYPES.includes(declared))
    throw bad(
      `${nameOf(graphs[0] as Element)}: ${typeAttribute}="${declared.slice(0, 20)}" is not one of ${TYPES.join(', ')}`,
    );
  const nodes = doc.getElementsByTagName('node');
  const edges = doc.getElementsByTagName('edge');
  if (nodes.length > limits.nodes)
    throw new FormatError(FORMAT_CODES.TOO_MANY, reader, `more than ${limits.nodes} nodes`);
  if (edges.length > limits.edges)
    throw new FormatError(FORMAT_CODES.TOO_MANY, reader, `more than ${limits.edges} edges`);
  const ids = new Set<string>();
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes.item(i) as Element;
    const id = n.getAttribute('id');
    if (!id) throw bad(`${nameOf(n)}: a node has no id`);
    if (id.length > limits.key) throw bad(`${nameOf(n)}: the id is longer than ${limits.key} characters`);
    if (ids.has(id)) throw bad(`${nameOf(n)}: a second node with this id`);
    ids.add(id);
  }
  const edgeIds: Array<string | null> = [];
  for (let i = 0; i < edges.length; i++) {
    const e = edges.item(i) as Element;
    for (const end of ['source', 'target']) {
      const v = e.getAttribute(end);
      if (!v) throw bad(`${nameOf(e)}: the edge has no ${end}`);
      if (!ids.has(v)) throw bad(`${nameOf(e)}: its ${end} "${v.slice(0, 40)}" is not a node`);
    }
    const type = e.getAttribute('type');
    if (type && !TYPES.includes(type))
      throw bad(`${nameOf(e)}: type="${type.slice(0, 20)}" is not one of ${TYPES.join(', ')}`);
    edgeIds.push(e.getAttribute('id') || null);
  }
  return edgeIds;
}

/** Runs one of graphology's readers, turning what it throws into a FormatError. */
export function runReader<T>(reader: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError(
      FORMAT_CODES.BAD_GRAPH,
      reader,
      `the graph cannot be read: ${(e as Error).message?.slice(0, 200)}`,
    );
  }
}

/**
 * Refuses a file with more `<node>` or `<edge>` tags than the limits before the XML is parsed
 * (xmldom takes ~20 µs an element): a tag in a comment counts too, which only errs on the safe side.
 */
export function countElements(text: string, reader: string, limits: FormatLimits = FORMAT_LIMITS): void {
  for (const [tag, most] of [
    ['node', limits.nodes],
    ['edge', limits.edges],
  ] as const) {
    const re = new RegExp(`<(?:[\\w.-]+:)?${tag}[\\s/>]`, 'g');
    let n = 0;
    while (re.exec(text))
      if (++n > most) throw new FormatError(FORMAT_CODES.TOO_MANY, reader, `more than ${most} ${tag}s`);
  }
}
