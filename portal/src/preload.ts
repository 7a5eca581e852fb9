// The early script: runs before the bundle (React, Relay, the pages) is evaluated and sends the
// first page's query at once, so the server answers while the browser is still compiling.
import { routeQuery, requestKey, send } from './routeQueries';
import { loadToken } from './session';

const token = loadToken();
const q = token ? routeQuery(window.location.pathname) : null;
if (token && q && q.query.params.text) {
  window.__hardcandyEarly = { token, key: requestKey(q.query.params.name, q.variables), response: send(token, q.query.params.text, q.variables) };
  // Unhandled if the app never takes it (it always does, unless it fails to load).
  window.__hardcandyEarly.response.catch(() => {});
}
