// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- every tsconfig that reaches this file (core, ui, node) needs these types
/// <reference path="./vendor.d.ts" />
import { Document, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import { FORMAT_CODES, FormatError } from './errors';
import Graph from 'graphology';
// graphology-gexf's factory and writer: given xmldom's DOMParser they run in a worker, the page and Node alike
import createParser from 'graphology-gexf/common/parser.js';
import writeGexf from 'graphology-gexf/common/writer.js';
import { fromGraph, toGraph } from './fromGraph';
import type { GraphFormat } from './types';
import { nameOf, parseXml, strictParser } from './xml';
import { checkXmlGraph, countElements, runReader } from './xmlGraph';

const READER = 'gexf';
const parseGexf = createParser(strictParser(READER), Document);

/** What graphology-gexf assumes of attributes, named at the element when it does not hold. */
function checkAttributes(doc: XmlDocument): void {
  const bad = (el: Element, what: string): FormatError =>
    new FormatError(FORMAT_CODES.BAD_GRAPH, READER, `${nameOf(el)}: ${what}`);
  // as graphology-gexf reads them: the last <attributes> of each class, every <attribute> in it
  const declared = { node: new Set<string>(), edge: new Set<string>() };
  const classes = doc.getElementsByTagName('attributes');
  for (let i = 0; i < classes.length; i++) {
    const c = classes.item(i) as Element;
    const kind = c.getAttribute('class');
    if (kind !== 'node' && kind !== 'edge') continue;
    declared[kind] = new Set();
    const attributes = c.getElementsByTagName('attribute');
    for (let j = 0; j < attributes.length; j++) {
      const a = attributes.item(j) as Element;
      const id = a.getAttribute('id') || a.getAttribute('for');
      if (!id) throw bad(a, 'an attribute has no id');
      if (!a.getAttribute('type')) throw bad(a, 'an attribute has no type');
      declared[kind].add(id);
    }
  }
  for (const kind of ['node', 'edge'] as const) {
    const elements = doc.getElementsByTagName(kind);
    for (let i = 0; i < elements.length; i++) {
      const el = elements.item(i) as Element;
      const values = el.getElementsByTagName('attvalue');
      for (let j = 0; j < values.length; j++) {
        const v = values.item(j) as Element;
        const id = v.getAttribute('id') || v.getAttribute('for') || '';
        if (!declared[kind].has(id)) throw bad(v, `the ${kind} attribute "${id.slice(0, 40)}" is not declared`);
        if (v.getAttribute('value') === null) throw bad(v, 'an attvalue has no value');
      }
    }
  }
}

/** GEXF, Gephi's format (graphology-gexf reads and writes it; `label`, `x`, `y`, `size`, `color` are its viz fields). */
export const gexfFormat: GraphFormat = {
  id: 'gexf',
  title: 'GEXF',
  extensions: ['.gexf'],
  mime: 'application/gexf+xml',
  sniff: (head) => /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<gexf[\s>]/.test(head),
  parse(text, limits) {
    countElements(text, READER, limits);
    const doc = parseXml(text, 'gexf', READER);
    const edgeIds = checkXmlGraph(doc, READER, limits, 'defaultedgetype');
    checkAttributes(doc);
    const graph = runReader(READER, () => parseGexf(Graph, doc));
    // graphology-gexf guesses the type from the first edge; with none, the file's default says it
    const declared = doc.getElementsByTagName('graph')[0]?.getAttribute('defaultedgetype');
    const type = graph.size === 0 && (declared === 'directed' || declared === 'undirected') ? declared : graph.type;
    return fromGraph(graph, READER, edgeIds, limits, type);
  },
  write: (g) => runReader(READER, () => writeGexf(toGraph(g), { pretty: true })),
};
