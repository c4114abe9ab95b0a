/** The scripts the benchmark runs, written as a user would, on grid graphs with keys "r,c". */

export const BFS = `const start = '0,0';
const dist = new Map<string, number>([[start, 0]]);
const queue: string[] = [start];
const order: string[] = [];
while (queue.length > 0) {
  const node = queue.shift()!;
  order.push(node);
  for (const next of graph.neighbors(node)) {
    if (!dist.has(next)) {
      dist.set(next, dist.get(node)! + 1);
      queue.push(next);
    }
  }
}
export default order.length;
`;

export const DIJKSTRA = `// binary heap of [distance, node]
const heap: Array<[number, string]> = [];
function push(item: [number, string]) {
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent][0] <= heap[i][0]) break;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
}
function pop(): [number, string] {
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    while (true) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
      if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i], heap[m]];
      i = m;
    }
  }
  return top;
}
const source = '0,0';
const dist = new Map<string, number>([[source, 0]]);
const done = new Set<string>();
push([0, source]);
while (heap.length > 0) {
  const [d, node] = pop();
  if (done.has(node)) continue;
  done.add(node);
  graph.forEachEdge(node, (edge, attrs, from, to) => {
    const next = from === node ? to : from;
    const nd = d + (attrs.weight as number);
    if (nd < (dist.get(next) ?? Infinity)) {
      dist.set(next, nd);
      push([nd, next]);
    }
  });
}
export default dist.size;
`;

export const DFS = `const seen = new Set<string>();
const order: string[] = [];
function visit(node: string, depth: number): number {
  seen.add(node);
  order.push(node);
  let deepest = depth;
  for (const next of graph.neighbors(node)) {
    if (!seen.has(next)) {
      const d = visit(next, depth + 1);
      if (d > deepest) deepest = d;
    }
  }
  return deepest;
}
export default visit('0,0', 0);
`;

/** A tight loop for the seek benchmark: ~1,000,000 steps with a few variables. */
export const COUNTER = `let total = 0;
let i = 0;
while (i < 333333) {
  total += i % 7;
  i++;
}
export default total;
`;
