import type { SampleGraph } from '../types';
import { fromDrawing } from './build';

/** Courses and their prerequisites: an edge `a->b` says take `a` before `b`. Drawn in layers. */
export const courses: SampleGraph = {
  id: 'courses',
  title: 'Course prerequisites (DAG)',
  data: fromDrawing({
    type: 'directed',
    positions: {
      prog: [30, 150],
      math: [30, 350],
      data: [140, 250],
      arch: [140, 60],
      algo: [250, 380],
      os: [250, 130],
      db: [250, 250],
      net: [360, 100],
      ai: [360, 400],
      thesis: [470, 250],
    },
    edges: [
      ['prog', 'data'],
      ['math', 'data'],
      ['math', 'algo'],
      ['data', 'algo'],
      ['prog', 'arch'],
      ['arch', 'os'],
      ['data', 'os'],
      ['data', 'db'],
      ['os', 'net'],
      ['algo', 'ai'],
      ['algo', 'thesis'],
      ['db', 'thesis'],
      ['net', 'thesis'],
      ['ai', 'thesis'],
    ],
  }),
};
