// Starts GraphiQL from the settings the server put in the page as JSON, so the page needs no
// inline script and runs under a Content-Security-Policy that allows only this origin's scripts.
(function () {
  var config = JSON.parse(document.getElementById("graphiql-config").textContent);
  var httpURL = new URL(config.endpoint, window.location.href);
  var wsURL = new URL(httpURL.href);
  wsURL.protocol = httpURL.protocol === "https:" ? "wss:" : "ws:";
  var fetcher = GraphiQL.createFetcher({
    url: config.endpoint,
    subscriptionUrl: wsURL.href
  });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
    defaultHeaders: config.defaultHeaders
  }));
})();
