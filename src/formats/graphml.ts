// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- every tsconfig that reaches this file (core, ui, node) needs these types
/// <reference path="./vendor.d.ts" />
import { Document, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import { FORMAT_CODES, FormatError } from './errors';
import Graph from 'graphology';
// the factory behind graphology-graphml's endpoints: given xmldom's DOMParser it runs in a worker, the page and Node alike
import createParser from 'graphology-graphml/common/parser.js';
import { fromGraph } from './fromGraph';
import { writeGraphml } from './graphmlWriter';
import type { GraphFormat } from './types';
import { nameOf, parseXml, strictParser } from './xml';
import { checkXmlGraph, countElements, runReader } from './xmlGraph';

const READER = 'graphml';
const parseGraphml = createParser(strictParser(READER), Document);
const TYPES = ['boolean', 'int', 'long', 'float', 'double', 'string'];
const DOMAINS = ['graph', 'node', 'edge'];

/** What graphology-graphml assumes of `<key>`s, named at the element when it does not hold. */
function checkKeys(doc: XmlDocument): void {
  const keys = doc.getElementsByTagName('key');
  for (let i = 0; i < keys.length; i++) {
    const k = keys.item(i) as Element;
    const type = k.getAttribute('attr.type');
    const domain = k.getAttribute('for');
    if (type && !TYPES.includes(type))
      throw new FormatError(
        FORMAT_CODES.BAD_GRAPH,
        READER,
        `${nameOf(k)}: attr.type "${type.slice(0, 20)}" is not one of ${TYPES.join(', ')}`,
      );
    if (domain && !DOMAINS.includes(domain))
      throw new FormatError(
        FORMAT_CODES.BAD_GRAPH,
        READER,
        `${nameOf(k)}: for="${domain.slice(0, 20)}" is not one of ${DOMAINS.join(', ')}`,
      );
  }
}

/** GraphML (graphology-graphml reads it; keys typed boolean, int, long, float, double or string). */
export const graphmlFormat: GraphFormat = {
  id: 'graphml',
  title: 'GraphML',
  extensions: ['.graphml', '.xml'],
  mime: 'application/graphml+xml',
  sniff: (head) => /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<graphml[\s>]/.test(head),
  parse(text, limits) {
    countElements(text, READER, limits);
    const doc = parseXml(text, 'graphml', READER);
    const edgeIds = checkXmlGraph(doc, READER, limits);
    checkKeys(doc);
    return fromGraph(
      runReader(READER, () => parseGraphml(Graph, doc)),
      READER,
      edgeIds,
      limits,
    );
  },
  write: writeGraphml,
};
