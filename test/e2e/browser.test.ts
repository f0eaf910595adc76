import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createGateway, FIRST_QUERY, type Gateway, type GatewayOptions } from '@nomad/gateway';
import { readFile } from 'node:fs/promises';
import { SUPERGRAPH_PATH } from '@nomad/schema';
import { artifactPath, hostOf, launchChromium, LOCAL_HOSTS, servePage, type Browser } from '../src/browser.ts';
import { silentLogger, startGraph, token, type TestGraph } from '../src/harness.ts';

// Issue 17 in a real browser (Debian's Chromium, one launch for the file): GraphiQL works at
// once and offline, and a page on another origin calls the graph through CORS.

let graph: TestGraph;
let browser: Browser;
const gateways: Gateway[] = [];

/** A gateway over the harness's agencies, configured as `npm start` or production would be. */
async function gatewayWith(options: Partial<GatewayOptions>): Promise<Gateway> {
  const gateway = await createGateway({
    supergraphSdl: await readFile(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: Object.fromEntries(Object.entries(graph.agencies).map(([name, a]) => [name, a.server.url])),
    logger: silentLogger,
    subgraphTimeoutMs: 30_000,
    ...options,
  });
  gateways.push(gateway);
  return gateway;
}

beforeAll(async () => {
  // The browser first: without Chromium the file fails at once, saying how to install it.
  browser = await launchChromium();
  graph = await startGraph({ seed: true, seedNomads: 20 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const gateway of gateways) await gateway.stop();
  await graph?.stop();
});

/** What the page shows as text (GraphiQL's result pane is a Monaco editor: its lines are in the DOM). */
const textOf = (page: Page, selector: string) => page.locator(selector).first().innerText();

describe('GraphiQL in Chromium', () => {
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    const gateway = await gatewayWith({ graphiql: true, introspection: true });
    page = await browser.context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(gateway.url, { waitUntil: 'load' });
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 30_000 });
  });

  it('opens with the README first query, a token field and no error', async () => {
    const editor = await textOf(page, '.graphiql-query-editor');
    expect(editor.replace(/\s+/g, ' ')).toContain('nomads(first: 5)');
    expect(await page.locator('#nomad-token').getAttribute('placeholder')).toMatch(/npm run -s token/);
    // Give the page the time a failed schema request would take to show its error.
    await page.waitForTimeout(1_500);
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/UNAUTHENTICATED|Error fetching schema|Unauthorized/i);
    expect(await textOf(page, '#nomad-token-status')).toMatch(/no token/);
  });

  it('loads the schema into Docs once a token is pasted, and again when the token changes', async () => {
    await page.locator('#nomad-token').fill('not-a-token');
    await page.locator('button[aria-label^="Show Documentation Explorer"]').click();
    // The bad token's schema request fails, after the reader acted.
    await page.getByText(/Error fetching schema/).first().waitFor({ timeout: 15_000 });

    await page.locator('#nomad-token').fill(await token(['migration_officer']));
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().waitFor({ timeout: 15_000 });
    expect(await docs.innerText()).not.toMatch(/Error fetching schema/);
    expect(await textOf(page, '#nomad-token-status')).toMatch(/migration_officer/);
  });

  it('runs the query and shows data', async () => {
    await page.locator('button[aria-label^="Execute query"]').click();
    const result = page.locator('.graphiql-response');
    await result.getByText('"surname"').first().waitFor({ timeout: 20_000 });
    const text = await result.innerText();
    expect(text).toContain('"nomads"');
    expect(text).not.toMatch(/"errors"/);
    await page.screenshot({ path: await artifactPath('graphiql.png') });
  });

  it('made every request to localhost', () => {
    expect(requests.length).toBeGreaterThan(0);
    const hosts = new Set(requests.map(hostOf).filter((host) => host !== null));
    expect(hosts.size).toBeGreaterThan(0);
    for (const host of hosts) expect(LOCAL_HOSTS).toContain(host);
  });
});

describe('a page on another origin (CORS) in Chromium', () => {
  /** Runs the README's first query from the page with fetch, as a front-end would. */
  async function queryFrom(pageUrl: string, gatewayUrl: string, bearer: string) {
    const page = await browser.context.newPage();
    try {
      await page.goto(pageUrl);
      return await page.evaluate(
        async ({ url, query, auth }) => {
          try {
            const res = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}`, 'x-purpose': 'portal test' },
              body: JSON.stringify({ query }),
            });
            return { status: res.status, body: (await res.json()) as { data?: { nomads?: { edges: unknown[] } }; errors?: unknown[] } };
          } catch (err) {
            return { refused: String(err) };
          }
        },
        { url: gatewayUrl, query: FIRST_QUERY, auth: bearer },
      );
    } finally {
      await page.close();
    }
  }

  it('a page served from another localhost port gets data (development: any loopback origin)', async () => {
    const gateway = await gatewayWith({});
    const site = await servePage('<!doctype html><title>portal</title><p>portal</p>');
    try {
      expect(new URL(site.url).port).not.toBe(String(gateway.port));
      const answer = await queryFrom(site.url, gateway.url, await token(['migration_officer']));
      expect(answer).toMatchObject({ status: 200 });
      if (!('body' in answer)) throw new Error(`refused: ${answer.refused}`);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data?.nomads?.edges.length).toBeGreaterThan(0);
    } finally {
      await site.close();
    }
  });

  it('a page from an origin not on the production allow-list is refused by the browser', async () => {
    const gateway = await gatewayWith({ cors: { origins: ['https://portal.nomad.gov.kg'], allowLoopback: false } });
    const site = await servePage('<!doctype html><title>elsewhere</title><p>elsewhere</p>');
    try {
      const bearer = await token(['migration_officer']);
      const answer = await queryFrom(site.url, gateway.url, bearer);
      if (!('refused' in answer)) throw new Error(`the page read the answer: ${JSON.stringify(answer)}`);
      expect(answer.refused).toMatch(/Failed to fetch/);
      // The gateway itself is up and answers a client that is not a browser.
      const direct = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, 'x-purpose': 'portal test' },
        body: JSON.stringify({ query: FIRST_QUERY }),
      });
      expect(direct.status).toBe(200);
    } finally {
      await site.close();
    }
  });
});
