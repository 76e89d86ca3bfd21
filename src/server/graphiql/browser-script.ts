/**
 * The script that starts GraphiQL in the browser, served as a file (not inline) so the page's
 * Content-Security-Policy can allow scripts from 'self' only. It reads its options from the page's
 * JSON block and posts queries as JSON, which passes Apollo's CSRF prevention.
 */
export const GRAPHIQL_BROWSER_SCRIPT = `'use strict';
(function () {
  const options = JSON.parse(document.getElementById('graphiql-options').textContent);

  // GraphiQL 3 may send the previous tab's operationName after a tab switch: a name the query does
  // not define is dropped (a query of one operation needs none), so every tab runs as opened.
  function ownOperationName(params) {
    if (!params.operationName) return params;
    const words = String(params.query).split(/[^A-Za-z0-9_]+/);
    const defined = words.some(
      (word, i) => ['query', 'mutation', 'subscription'].includes(word) && words[i + 1] === params.operationName,
    );
    return defined ? params : Object.assign({}, params, { operationName: undefined });
  }

  async function fetcher(params, fetcherOptions) {
    const response = await fetch(options.endpoint, {
      method: 'POST',
      credentials: 'omit',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...((fetcherOptions && fetcherOptions.headers) || {}),
      },
      body: JSON.stringify(ownOperationName(params)),
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: 'HTTP ' + response.status + ': ' + (text || response.statusText) }] };
    }
  }

  const props = {
    fetcher,
    defaultQuery: options.defaultQuery,
    defaultTabs: options.tabs,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: options.defaultHeaders !== undefined,
  };
  if (options.defaultHeaders !== undefined) props.defaultHeaders = options.defaultHeaders;
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
})();
`;

/** Full-height layout for GraphiQL's container; a file too, so styles need no inline `<style>`. */
export const GRAPHIQL_PAGE_CSS = `html, body { height: 100%; margin: 0; }
#graphiql { height: 100vh; }
`;
