/*
 * The preset deflate dictionary of link format 1. FROZEN: every `s1.` link was compressed against
 * these exact bytes, so changing one character breaks all of them (`dictionary.test.ts` pins its
 * checksum). A better dictionary is a new format version with its own file, decoded side by side.
 *
 * Deflate finds repeats up to 32 KB back; a dictionary gives a short script something to repeat
 * before its first line: the compact form's skeleton, the script globals and common idioms of graph
 * algorithms. Strings used most sit at the end, where their distances are cheapest. It holds no
 * sample script verbatim, so a script of one's own gains as much as a sample does.
 */
export const DICTIONARY_V1 = [
  '"ea":{"0":{"weight":1}},"na":{"0":{"label":"',
  "import { bfs } from 'graphology-traversal';\nimport { dijkstra } from 'graphology-shortest-path';\n",
  "import Graph from 'graphology';\nimport { helper } from './util';\n",
  "export const manifest = {\n  permissions: { read: ['graph'], write: ['graph'], use: ['./...'] },\n  limits: { 'execution/steps': 1000000 },\n};\n",
  "await sleep(100);\nconst child = await spawn('./worker.ts', input);\n",
  "trace.highlight(node, 'orange');\ntrace.label(node, String(d));\ntrace.note(`relax ${u} → ${v}`);\n",
  'graph.forEachNeighbor(node, (neighbor, attributes) => {\n',
  'graph.forEachEdge((edge, attributes, source, target) => {\n',
  "const weight = graph.getEdgeAttribute(edge, 'weight') ?? 1;\n",
  'graph.outNeighbors(node)graph.inNeighbors(node)graph.edges()graph.degree(node)graph.order graph.size ',
  "graph.setNodeAttribute(node, 'color', graph.getNodeAttribute(node, 'x'), graph.addEdge(",
  'graph.addNode(graph.dropNode(graph.hasEdge(',
  'function dfs(node: string): void {\n  if (visited.has(node)) return;\n  visited.add(node);\n',
  'const stack: string[] = [start];\nconst parent = new Map<string, string>();\n',
  'const visited = new Set<string>();\nconst result: string[] = [];\n',
  'const dist: Record<string, number> = {};\nfor (const node of graph.nodes()) dist[node] = Infinity;\n',
  'while (stack.length > 0) {\n    const current = stack.pop()!;\n',
  '  for (const [key, value] of Object.entries(\n  if (best === undefined || dist[v] < dist[best]) best = v;\n',
  '    return path.reverse();\n  }\n  return [];\n}\n',
  'return a - b;\n}).sort((a, b) => \n    } else {\n      \n  }\n}\n\n',
  'export default function (input: unknown) {\n',
  '// Depth-first search // Shortest paths // Dijkstra from the start // Breadth-first search from ',
  'console.log(`${node}: ${dist.get(node)}`);\nconsole.log(',
  "const source = 'A';\nconst seen = new Set<string>([source]);\nconst dist = new Map<string, number>();\n",
  'const queue: string[] = [];\nconst order: string[] = [];\n\n',
  'while (queue.length > 0) {\n  const u = queue.shift()!;\n  order.push(u);\n',
  '  for (const v of graph.neighbors(u)) {\n    if (!seen.has(v)) {\n      seen.add(v);\n      queue.push(v);\n    }\n  }\n}\n\nexport default ',
  '"],"p":[0,0,100,-100,200,100,300,0,400,-200,500,200,600,0],"e":[0,1,0,2,1,2,1,3,2,4,3,5,4,5,5,6,6,7,7,8,8,9]',
  ',"s":{"seed":"stepgraph"},"l":"cose","i":1}',
  '{"f":{"main.ts":"// ',
  '"},"g":{"t":"u","n":["A","B","C","D","E","F","G","H","I","J',
].join('');
