import { css, editorWorkerService, favicon, graphqlWorker, js, jsonWorker } from '@graphql-yoga/render-graphiql/graphiql';
import { parse, print } from 'graphql';

/** Where the page keeps the token between visits (this browser only; development only). */
export const TOKEN_STORAGE_KEY = 'nomad-graph:token';

export interface GraphiQLPageOptions {
  /** The first tab's query when the browser has none stored. */
  query: string;
  /** The headers pane's first content (JSON). */
  headers: string;
  /** The command the token field's placeholder tells the reader to run. */
  tokenCommand: string;
}

/** A JSON value that can sit inside a `<script>` element: no `</script>` or `<!--` can close it. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The page's own script, around Yoga's GraphiQL bundle (plain JavaScript: it runs in the browser).
 *
 * - The token field sets `Authorization: Bearer <token>`; the headers pane sends everything
 *   else (`X-Purpose`). A token in the field wins over one in the pane (a stale pane from an
 *   earlier visit must not shadow a fresh token).
 * - Without a token, the schema request waits for one instead of failing: the page shows no
 *   "UNAUTHENTICATED" or "Error fetching schema" before the reader does anything. An
 *   operation run without a token goes to the gateway and gets its 401 answer.
 * - Changing the token fetches the schema again (the queued request, or GraphiQL's own
 *   re-fetch button), so Docs and autocomplete follow the token without a reload.
 */
const CLIENT_SCRIPT = String.raw`
(function () {
  var config = JSON.parse(document.getElementById('nomad-config').textContent);
  var field = document.getElementById('nomad-token');
  var status = document.getElementById('nomad-token-status');
  var clean = function (value) { return String(value || '').trim().replace(/^Bearer\s+/i, ''); };
  var token = clean(localStorage.getItem(config.storageKey));
  var waiting = [];
  field.value = token;

  function describe(value) {
    if (!value) return 'no token: the schema loads once you paste one';
    try {
      var claims = JSON.parse(atob(value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      var who = claims.roles && claims.roles.length ? claims.roles.join(', ') : claims.nomad_id ? 'nomad' : 'token';
      var expired = typeof claims.exp === 'number' && claims.exp * 1000 < Date.now();
      return who + (expired ? ' (expired: make a new one)' : '');
    } catch (e) {
      return 'not a JWT';
    }
  }

  function send(params, opts) {
    var headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
    var pane = (opts && opts.headers) || {};
    Object.keys(pane).forEach(function (name) { headers[name.toLowerCase()] = String(pane[name]); });
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(config.endpoint, { method: 'POST', headers: headers, body: JSON.stringify(params) }).then(function (res) {
      return res.json();
    });
  }

  function fetcher(params, opts) {
    if (!token && params.operationName === 'IntrospectionQuery') {
      return new Promise(function (resolve, reject) {
        waiting.push(function () { send(params, opts).then(resolve, reject); });
      });
    }
    return send(params, opts);
  }

  function setToken(value) {
    var next = clean(value);
    if (next === token) return;
    token = next;
    if (token) localStorage.setItem(config.storageKey, token); else localStorage.removeItem(config.storageKey);
    status.textContent = describe(token);
    if (!token) return;
    var queued = waiting;
    waiting = [];
    if (queued.length > 0) queued.forEach(function (run) { run(); });
    else {
      var refetch = document.querySelector('button[aria-label^="Re-fetch GraphQL schema"]');
      if (refetch) refetch.click();
    }
  }

  var timer;
  field.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { setToken(field.value); }, 300);
  });
  field.addEventListener('change', function () { clearTimeout(timer); setToken(field.value); });
  status.textContent = describe(token);

  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), {
    title: config.title,
    fetcher: fetcher,
    defaultQuery: config.query,
    headers: config.headers,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
  });
})();
`;

const PAGE_CSS = `
body { display: flex; flex-direction: column; height: 100vh; overflow: hidden; }
#nomad-bar { display: flex; align-items: center; gap: 8px; padding: 6px 12px; font: 14px system-ui, sans-serif;
  background: hsl(219, 28%, 96%); border-bottom: 1px solid hsl(219, 15%, 85%); }
#nomad-bar label { font-weight: 600; }
#nomad-token { flex: 1; max-width: 640px; font: 13px ui-monospace, monospace; padding: 4px 6px; }
#nomad-token-status { color: hsl(219, 15%, 40%); }
#root { flex: 1; min-height: 0; }
#root > .graphiql-container { height: 100%; width: 100%; }
`;

/**
 * The GraphiQL page: Yoga's bundle (GraphiQL and its editor workers inlined, about 9 MB,
 * nothing from a CDN) under a token bar. The page needs no token; the queries run from it do.
 */
export function renderGraphiQLPage(options: GraphiQLPageOptions): string {
  const config = {
    title: 'The nomad graph',
    endpoint: '/graphql',
    storageKey: TOKEN_STORAGE_KEY,
    query: print(parse(options.query)),
    headers: options.headers,
  };
  const workers = { editorWorkerService, json: jsonWorker, graphql: graphqlWorker };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${config.title}</title>
    <link rel="icon" href="${favicon}" />
    <style>${css}</style>
    <style>${PAGE_CSS}</style>
  </head>
  <body class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="nomad-bar">
      <label for="nomad-token">Token</label>
      <input id="nomad-token" type="text" autocomplete="off" spellcheck="false"
        placeholder="paste the output of: ${options.tokenCommand}" />
      <span id="nomad-token-status"></span>
    </div>
    <div id="root"></div>
    <script type="application/json" id="nomad-config">${scriptJson(config)}</script>
    <script>
      (function () {
        var sources = ${scriptJson(workers)};
        var urls = {};
        Object.keys(sources).forEach(function (label) {
          urls[label] = URL.createObjectURL(new Blob([sources[label]], { type: 'application/javascript' }));
        });
        self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_id, label) { return urls[label]; } };
      })();
      ${js};
    </script>
    <script>${CLIENT_SCRIPT}</script>
  </body>
</html>
`;
}
