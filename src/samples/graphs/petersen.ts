import type { GraphologyJson } from '../../protocol/graph';
import type { SampleGraph } from '../types';

/** A point on a circle around the view's centre, the first one at the top. */
const onCircle = (i: number, of: number, radius: number): { x: number; y: number } => {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / of;
  return { x: Math.round(250 + radius * Math.cos(angle)), y: Math.round(250 + radius * Math.sin(angle)) };
};

/** The Petersen graph: an outer pentagon A–E, an inner pentagram F–J, and spokes between them. */
function petersenGraph(): GraphologyJson {
  const outer = ['A', 'B', 'C', 'D', 'E'];
  const inner = ['F', 'G', 'H', 'I', 'J'];
  const nodes = [
    ...outer.map((key, i) => ({ key, attributes: onCircle(i, 5, 220) })),
    ...inner.map((key, i) => ({ key, attributes: onCircle(i, 5, 100) })),
  ];
  const pairs = outer.flatMap((a, i) => [
    [a, outer[(i + 1) % 5]!],
    [a, inner[i]!],
    [inner[i]!, inner[(i + 2) % 5]!],
  ]);
  const edges = pairs.map(([source, target]) => ({ key: `${source}-${target}`, source: source!, target: target! }));
  return { options: { type: 'undirected', multi: false, allowSelfLoops: false }, nodes, edges };
}

/** Ten nodes, every one of degree 3, that need three colours: a classic test for colourings. */
export const petersen: SampleGraph = { id: 'petersen', title: 'Petersen graph', data: petersenGraph() };
