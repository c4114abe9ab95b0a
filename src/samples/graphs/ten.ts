import type { SampleGraph } from '../types';

const positions: Record<string, [number, number]> = {
  A: [0, 0],
  B: [120, -80],
  C: [120, 80],
  D: [240, -140],
  E: [240, 0],
  F: [240, 140],
  G: [360, -80],
  H: [360, 80],
  I: [480, 0],
  J: [600, 0],
};
const edges: Array<[string, string]> = [
  ['A', 'B'],
  ['A', 'C'],
  ['B', 'D'],
  ['B', 'E'],
  ['C', 'E'],
  ['C', 'F'],
  ['D', 'G'],
  ['E', 'G'],
  ['E', 'H'],
  ['F', 'H'],
  ['G', 'I'],
  ['H', 'I'],
  ['I', 'J'],
];

export const ten: SampleGraph = {
  id: 'ten',
  title: 'Ten nodes',
  data: {
    options: { type: 'undirected', multi: false },
    nodes: Object.entries(positions).map(([key, [x, y]]) => ({ key, attributes: { x, y } })),
    edges: edges.map(([source, target]) => ({ key: `${source}-${target}`, source, target })),
  },
};
