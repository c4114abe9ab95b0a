import type { Element } from '@xmldom/xmldom';
import type { GraphologyJson } from '../protocol/graph';
import { newXml, xmlSafe } from './xml';

const NS = 'http://graphml.graphdrawing.org/xmlns';
type Domain = 'graph' | 'node' | 'edge';
type KeyType = 'boolean' | 'double' | 'string';

const typeOf = (v: unknown): KeyType =>
  typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'double' : 'string';
const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : (JSON.stringify(v) ?? '');

/**
 * Writes GraphML with one `<key>` per attribute name and element kind, typed `boolean`, `double`
 * or `string` (a name whose values mix types, or that holds objects, is a string: objects as JSON).
 * graphology-graphml has no writer, so this one builds the document with xmldom and serialises it.
 */
export function writeGraphml(g: GraphologyJson): string {
  const { doc, print } = newXml(NS, 'graphml');
  const root = doc.documentElement as Element;
  const keys = new Map<string, { id: string; type: KeyType }>();
  const scan = (domain: Domain, attrs: Record<string, unknown> | undefined): void => {
    for (const [name, v] of Object.entries(attrs ?? {})) {
      if (v === undefined || v === null) continue;
      const k = `${domain}\u0000${name}`;
      const had = keys.get(k);
      if (!had) keys.set(k, { id: `d${keys.size}`, type: typeOf(v) });
      else if (had.type !== typeOf(v)) had.type = 'string';
    }
  };
  scan('graph', g.attributes);
  g.nodes.forEach((n) => scan('node', n.attributes));
  g.edges.forEach((e) => scan('edge', e.attributes));
  for (const [k, { id, type }] of keys) {
    const [domain = '', name = ''] = k.split('\u0000');
    const key = doc.createElementNS(NS, 'key');
    key.setAttribute('id', id);
    key.setAttribute('for', domain);
    key.setAttribute('attr.name', xmlSafe(name));
    key.setAttribute('attr.type', type);
    root.appendChild(key);
  }
  const type = g.options?.type ?? 'mixed';
  const graph = doc.createElementNS(NS, 'graph');
  graph.setAttribute('edgedefault', type === 'directed' ? 'directed' : 'undirected');
  root.appendChild(graph);
  const data = (el: Element, domain: Domain, attrs: Record<string, unknown> | undefined): void => {
    for (const [name, v] of Object.entries(attrs ?? {})) {
      const key = keys.get(`${domain}\u0000${name}`);
      if (!key) continue;
      const d = doc.createElementNS(NS, 'data');
      d.setAttribute('key', key.id);
      d.appendChild(doc.createTextNode(xmlSafe(text(v))));
      el.appendChild(d);
    }
  };
  data(graph, 'graph', g.attributes);
  for (const n of g.nodes) {
    const node = doc.createElementNS(NS, 'node');
    node.setAttribute('id', xmlSafe(n.key));
    data(node, 'node', n.attributes);
    graph.appendChild(node);
  }
  for (const e of g.edges) {
    const edge = doc.createElementNS(NS, 'edge');
    if (e.key !== undefined) edge.setAttribute('id', xmlSafe(e.key));
    edge.setAttribute('source', xmlSafe(e.source));
    edge.setAttribute('target', xmlSafe(e.target));
    if (type === 'mixed') edge.setAttribute('directed', e.undirected ? 'false' : 'true');
    data(edge, 'edge', e.attributes);
    graph.appendChild(edge);
  }
  return print();
}
