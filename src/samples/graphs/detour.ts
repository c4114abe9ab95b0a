import type { SampleGraph } from '../types';
import { fromDrawing } from './build';

/**
 * Roads with two refunds (negative edges `b->a` and `c->d`) and every cycle still positive, so
 * shortest paths from `s` exist. Dijkstra gets `a` wrong here: it settles `a` at 2 before it sees
 * the way through `b` that costs 1. Edges are listed far end first, so Bellman–Ford needs several rounds.
 */
export const detour: SampleGraph = {
  id: 'detour',
  title: 'Negative edges (directed)',
  data: fromDrawing({
    type: 'directed',
    positions: {
      s: [40, 250],
      a: [180, 100],
      b: [180, 400],
      c: [330, 100],
      d: [330, 400],
      e: [470, 250],
    },
    edges: [
      ['e', 'b', 1],
      ['d', 'e', 2],
      ['c', 'e', 6],
      ['c', 'd', -2],
      ['b', 'd', 3],
      ['a', 'c', 4],
      ['b', 'a', -4],
      ['s', 'b', 5],
      ['s', 'a', 2],
    ],
  }),
};
