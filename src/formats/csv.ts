import { readEdgeList, writeEdgeList } from './edgeList';
import type { GraphFormat } from './types';

/** An edge list with commas: `source,target,weight`. */
export const csvFormat: GraphFormat = {
  id: 'csv',
  title: 'Edge list (CSV)',
  extensions: ['.csv', '.txt'],
  mime: 'text/csv',
  sniff: (head) => /^[^\n\t]*,/.test(head.replace(/^#[^\n]*\n/, '')),
  parse: (text, limits) => readEdgeList(text, ',', 'csv', limits),
  write: (graph) => writeEdgeList(graph, ','),
};
