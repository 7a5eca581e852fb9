import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type Initial } from './App';
import { createTransport } from './relay';
import { current, prepare } from './router';
import { loadToken, loadViewer } from './session';
import './styles.css';

// When the app's code has run (the benchmark reads it against the page's query and readiness).
performance.mark('hardcandy:start');

// Signed in already (a reload, a bookmark): the first page's query is under way before React
// renders (the early script sent it; the Relay network takes its answer), so the page renders
// with its data instead of suspending.
const token = loadToken();
let initial: Initial = null;
if (token && loadViewer()) {
  const transport = createTransport(token);
  initial = { transport, entry: prepare(transport.environment, current()) };
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initial={initial} />
  </StrictMode>,
);
