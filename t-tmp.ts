import { readGraphText, writeGraphText } from './src/formats';
const g = {"options":{"type":"directed" as const,"multi":true,"allowSelfLoops":true},"nodes":[{"key":"a", attributes: {label: 'x<', name: 'q', flag: true, x: 1.5, kind: ''}}, {key: 'b'}],"edges":[{key: 'e0', source: 'a', target: 'b', attributes: {weight: 2, label: 'w', flag: false, cost: 1e21}}]};
const t = writeGraphText(g, 'gexf').text; console.log(t);
const r = readGraphText(t); console.log(JSON.stringify(r.ok ? r.value.graph : r.error.message));
