import { Document } from '@xmldom/xmldom';
import Graph from 'graphology';
// graphology-gexf's factory and writer: given xmldom's DOMParser they run in a worker, the page and Node alike
import createParser from 'graphology-gexf/common/parser.js';
import writeGexf from 'graphology-gexf/common/writer.js';
import { fromGraph, toGraph } from './fromGraph';
import type { GraphFormat } from './types';
import { parseXml, strictParser } from './xml';
import { checkXmlGraph, countElements, runReader } from './xmlGraph';

const READER = 'gexf';
const parseGexf = createParser(strictParser(READER), Document);

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
    const edgeIds = checkXmlGraph(doc, READER, limits);
    const graph = runReader(READER, () => parseGexf(Graph, doc));
    // graphology-gexf guesses the type from the first edge; with none, the file's default says it
    const declared = doc.getElementsByTagName('graph')[0]?.getAttribute('defaultedgetype');
    const type = graph.size === 0 && (declared === 'directed' || declared === 'undirected') ? declared : graph.type;
    return fromGraph(graph, READER, edgeIds, limits, type);
  },
  write: (g) => runReader(READER, () => writeGexf(toGraph(g), { pretty: true })),
};
