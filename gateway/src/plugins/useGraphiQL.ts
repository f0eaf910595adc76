import type { Exchange } from '../http/exchange.ts';
import { renderGraphiQLPage } from './graphiql-page.ts';
import type { GatewayPlugin } from './types.ts';

/**
 * The first query to try, printed in the start-up banner, opened in GraphiQL's first tab and
 * quoted in the README: keep all three the same by using this constant.
 */
export const FIRST_QUERY =
  '{ nomads(first: 5) { edges { node { id surname givenNames citizenship applications(first: 3) { edges { node { number state } } } } } } }';

/** The headers pane's first content: why staff read (the token goes in the token field). */
export const GRAPHIQL_HEADERS = JSON.stringify({ 'X-Purpose': 'exploring the nomad graph' }, null, 2);

/** The page, rendered once and kept: about 9 MB of bytes. */
export function graphiqlPage(): Buffer {
  return Buffer.from(
    renderGraphiQLPage({ query: FIRST_QUERY, headers: GRAPHIQL_HEADERS, tokenCommand: 'npm run -s token -- --role migration_officer' }),
    'utf8',
  );
}

const wantsHtml = (exchange: Exchange) => (exchange.req.headers.accept ?? '').includes('text/html');

/**
 * GraphiQL for browsers on `GET /graphql` and `GET /`, offline (no CDN). Only in
 * development: `createGateway` adds this plugin when `graphiql` is on. The page needs no
 * token; the queries run from it do.
 */
export function useGraphiQL(): GatewayPlugin {
  // Rendered on first use: about 9 MB that a gateway nobody browses never needs.
  let page: Buffer | undefined;
  return {
    name: 'graphiql',
    onRequest: (exchange) => {
      const path = exchange.url.pathname;
      const readOnly = exchange.method === 'GET' || exchange.method === 'HEAD';
      if (!readOnly || (path !== '/graphql' && path !== '/') || !wantsHtml(exchange)) return undefined;
      page ??= graphiqlPage();
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': String(page.length) }, body: page };
    },
  };
}
