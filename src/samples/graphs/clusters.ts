import type { SampleGraph } from '../types';
import { fromDrawing } from './build';

/** CLRS's strongly connected components figure: four components, {a,b,e}, {c,d}, {f,g} and {h}. */
export const clusters: SampleGraph = {
  id: 'clusters',
  title: 'Four strong components (directed)',
  data: fromDrawing({
    type: 'directed',
    positions: {
      a: [60, 150],
      b: [185, 150],
      c: [310, 150],
      d: [435, 150],
      e: [60, 350],
      f: [185, 350],
      g: [310, 350],
      h: [435, 350],
    },
    edges: [
      ['a', 'b'],
      ['b', 'c'],
      ['b', 'e'],
      ['b', 'f'],
      ['c', 'd'],
      ['c', 'g'],
      ['d', 'c'],
      ['d', 'h'],
      ['e', 'a'],
      ['e', 'f'],
      ['f', 'g'],
      ['g', 'f'],
      ['g', 'h'],
    ],
  }),
};
