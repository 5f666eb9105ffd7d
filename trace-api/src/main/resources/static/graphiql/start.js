/*
 * Terroir's GraphiQL: React, ReactDOM and GraphiQL were loaded before this script, from this server.
 * Queries go to this server's GraphQL endpoint, the page's "path" parameter (an absolute path on this
 * server, added by the redirect from /graphiql), else /graphql. Headers typed into the editor (a bearer
 * token) are not kept in the browser's storage.
 */
(function () {
  'use strict';
  var path = new URLSearchParams(window.location.search).get('path');
  if (!path || !/^\/(?![\/\\])/.test(path)) {
    path = '/graphql';
  }
  var fetcher = GraphiQL.createFetcher({url: window.location.origin + path});
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false
  }));
})();
