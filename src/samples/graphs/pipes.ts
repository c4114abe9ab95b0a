import type { SampleGraph } from '../types';
import { fromDrawing } from './build';

/** CLRS's flow network: pipes with a `capacity` each, from source `s` to sink `t`; the maximum flow is 23. */
export const pipes: SampleGraph = {
  id: 'pipes',
  title: 'Flow network (capacities)',
  data: fromDrawing({
    type: 'directed',
    attribute: 'capacity',
    positions: {
      s: [30, 250],
      a: [170, 110],
      b: [170, 390],
      c: [330, 110],
      d: [330, 390],
      t: [470, 250],
    },
    edges: [
      ['s', 'a', 16],
      ['s', 'b', 13],
      ['b', 'a', 4],
      ['a', 'c', 12],
      ['c', 'b', 9],
      ['b', 'd', 14],
      ['d', 'c', 7],
      ['c', 't', 20],
      ['d', 't', 4],
    ],
  }),
};
