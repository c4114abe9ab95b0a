import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserClient } from '../client/workerClient';
import { ALGORITHMS, graphById } from '../samples';
import { PlaygroundStore } from './state/store';
import { App } from './app/App';
import './styles.css';

const sample = ALGORITHMS[0];
const graph = sample ? graphById(sample.graph) : undefined;
if (!sample || !graph) throw new Error('ui/main: the sample registry is empty');

const store = new PlaygroundStore(createBrowserClient(), {
  files: { 'main.ts': sample.code },
  mainFile: 'main.ts',
  graph: graph.data,
});

const root = document.getElementById('root');
if (!root) throw new Error('ui/main: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
