import { Document } from '@xmldom/xmldom';
import Graph from 'graphology';
// the factory behind graphology-graphml's endpoints: given xmldom's DOMParser it runs in a worker, the page and Node alike
import createParser from 'graphology-graphml/common/parser.js';
import { fromGraph } from './fromGraph';
import { writeGraphml } from './graphmlWriter';
import type { GraphFormat } from './types';
import { parseXml, strictParser } from './xml';
import { checkXmlGraph, countElements, runReader } from './xmlGraph';

const READER = 'graphml';
const parseGraphml = createParser(strictParser(READER), Document);

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
    return fromGraph(
      runReader(READER, () => parseGraphml(Graph, doc)),
      READER,
      edgeIds,
      limits,
    );
  },
  write: writeGraphml,
};
