import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/**
 * The first query to try, printed in the start-up banner, opened in GraphiQL's first tab and
 * quoted in the README: keep all three the same by using this constant.
 */
export const FIRST_QUERY =
  '{ nomads(first: 5) { edges { node { id surname givenNames citizenship applications(first: 3) { edges { node { number state } } } } } } }';

/** Shown in GraphiQL's header editor: the page needs no token, the queries do. */
export const GRAPHIQL_HEADERS_HINT = JSON.stringify(
  { Authorization: 'Bearer <paste a token from: npm run token -- --role migration_officer>', 'X-Purpose': 'exploring the nomad graph' },
  null,
  2,
);

/**
 * The GraphiQL page. The bundle inlines GraphiQL and its editor workers (about 9 MB,
 * nothing from a CDN), so the server renders it once and keeps the bytes.
 */
export function graphiqlPage(): Buffer {
  return Buffer.from(
    renderGraphiQL({
      title: 'The nomad graph',
      endpoint: '/graphql',
      defaultQuery: FIRST_QUERY,
      headers: GRAPHIQL_HEADERS_HINT,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'headers',
    }),
    'utf8',
  );
}
