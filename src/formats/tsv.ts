import { readEdgeList, writeEdgeList } from './edgeList';
import type { GraphFormat } from './types';

/** An edge list with tabs: `source⇥target⇥weight`. */
export const tsvFormat: GraphFormat = {
  id: 'tsv',
  title: 'Edge list (TSV)',
  extensions: ['.tsv', '.tab'],
  mime: 'text/tab-separated-values',
  sniff: (head) => /^[^\n]*\t/.test(head.replace(/^#[^\n]*\n/, '')),
  parse: (text, limits) => readEdgeList(text, '\t', 'tsv', limits),
  write: (graph) => writeEdgeList(graph, '\t'),
};
