import type { SampleGraph } from '../types';
import { fromDrawing } from './build';

/** The weighted graph of CLRS's minimum spanning tree figure, drawn the same way. */
export const towns: SampleGraph = {
  id: 'towns',
  title: 'Nine towns (weighted)',
  data: fromDrawing({
    type: 'undirected',
    positions: {
      A: [30, 250],
      B: [140, 130],
      C: [260, 130],
      D: [380, 130],
      E: [480, 250],
      F: [380, 370],
      G: [260, 370],
      H: [140, 370],
      I: [200, 250],
    },
    edges: [
      ['A', 'B', 4],
      ['A', 'H', 8],
      ['B', 'C', 8],
      ['B', 'H', 11],
      ['C', 'D', 7],
      ['C', 'F', 4],
      ['C', 'I', 2],
      ['D', 'E', 9],
      ['D', 'F', 14],
      ['E', 'F', 10],
      ['F', 'G', 2],
      ['G', 'H', 1],
      ['G', 'I', 6],
      ['H', 'I', 7],
    ],
  }),
};
