import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldCoordinatesOf } from '../cost-weights.ts';
import { DEFAULT_SUPERGRAPH_PATH } from '../env.ts';
import { bearer, capturingLogger, close, dispose, listen, post, startGateway, type GraphQLBody } from '../__fixtures__/gateway.ts';
import type { Gateway } from '../server.ts';
import { composedWith, fetchPersonalCheck, loadPersonalFields, mayShareFetches, RECORDED_AS_PERSONAL } from './useDeduplication.ts';

const schema = buildSchema(`
  interface Person { name: String surname: String }
  type Nomad implements Person { name: String surname: String dependants: [Nomad!]! }
  type Expert implements Person { name: String surname: String }
  type Query { nomad: Nomad people: [Person!]! count: Int }
  type Mutation { touch: Int }
  type Subscription { ticks: Int }
`);
const PERSONAL = new Set(['Nomad.surname']);

function shareable(source: string): boolean {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  return mayShareFetches(schema, document, operation, PERSONAL);
}

describe('mayShareFetches', () => {
  it('allows a query that reads no personal field', () => {
    expect(shareable('{ count nomad { name __typename } people { name } }')).toBe(true);
  });

  it('refuses a personal field however it is reached: directly, in a fragment, or on an interface', () => {
    expect(shareable('{ nomad { surname } }')).toBe(false);
    expect(shareable('{ nomad { ...F } } fragment F on Nomad { dependants { surname } }')).toBe(false);
    expect(shareable('{ people { ... on Nomad { surname } } }')).toBe(false);
    // Asked of the interface, it may be a nomad's.
    expect(shareable('{ people { surname } }')).toBe(false);
    expect(shareable('{ people { ...P } } fragment P on Person { name ... on Nomad { surname } }')).toBe(false);
  });

  it('refuses mutations and subscriptions', () => {
    expect(shareable('mutation { touch }')).toBe(false);
    expect(shareable('subscription { ticks }')).toBe(false);
  });
});

describe('fetchPersonalCheck', () => {
  const readsPersonal = fetchPersonalCheck(PERSONAL);
  it('reads the fetch as the planner wrote it: an entity fetch of a personal key or required field is personal', () => {
    expect(readsPersonal(schema, parse('query($r:[_Any!]!){_entities(representations:$r){...on Nomad{name}}}'))).toBe(false);
    expect(readsPersonal(schema, parse('query($r:[_Any!]!){_entities(representations:$r){...on Nomad{name surname}}}'))).toBe(true);
    // A selection on a type the API schema does not know is refused: its fields cannot be told apart.
    expect(readsPersonal(schema, parse('query($r:[_Any!]!){_entities(representations:$r){name}}'))).toBe(true);
    expect(readsPersonal(schema, parse('{ count }'))).toBe(false);
  });

  it('counts a fetch without its document as personal (fail closed)', () => {
    expect(readsPersonal(schema, undefined)).toBe(true);
  });
});

describe('loadPersonalFields', () => {
  it('reads schema/personal-fields.json and adds the fields recorded as another personal field', async () => {
    const { fields } = await loadPersonalFields();
    expect(fields.has('Nomad.surname')).toBe(true);
    // Migration records Nomad.dependants as a read of Nomad.status, Dependant.comesOfAgeOn of Dependant.dateOfBirth.
    expect(RECORDED_AS_PERSONAL.filter((c) => fields.has(c))).toEqual(['Nomad.dependants', 'Dependant.comesOfAgeOn']);
  });

  it('knows the supergraph it was composed with: the committed one, and no other', async () => {
    const personal = await loadPersonalFields();
    const supergraph = await readFile(DEFAULT_SUPERGRAPH_PATH, 'utf8');
    expect(composedWith(personal, supergraph)).toBe(true);
    expect(composedWith(personal, supergraph.replace('type Nomad', 'type Nomad2'))).toBe(false);
    expect(composedWith({ ...personal, supergraphSha256: null }, supergraph)).toBe(false);
  });

  it('names only fields the supergraph has (a rename would otherwise let a recorded read be shared)', async () => {
    const known = fieldCoordinatesOf(await readFile(DEFAULT_SUPERGRAPH_PATH, 'utf8'));
    expect([...(await loadPersonalFields()).fields].filter((c) => !known.has(c))).toEqual([]);
  });

  it('stops the start without its file', async () => {
    await expect(loadPersonalFields('/nonexistent/personal-fields.json')).rejects.toThrow(/personal fields at \/nonexistent/);
  });
});

/** The `hello` subgraph, holding every answer until the test releases them. */
async function heldSubgraph() {
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => held.push(res));
  });
  const port = await listen(server);
  dispose(() => close(server));
  const release = () => {
    for (const res of held.splice(0)) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { hello: 'world', me: { name: 'Ana' } } }));
    }
  };
  return { url: `http://127.0.0.1:${port}/graphql`, held, release };
}

/** Two operations at once: answered once both reached the subgraph or joined a call in flight. */
async function twoAtOnce(gateway: Gateway, subgraph: Awaited<ReturnType<typeof heldSubgraph>>, query: string, headers: Record<string, string>[]) {
  const before = gateway.subgraphFetches();
  const answers = Promise.all(headers.map((h) => post(gateway, { query }, h)));
  const arrived = () => gateway.subgraphFetches().sent - before.sent + gateway.subgraphFetches().deduplicated - before.deduplicated;
  while (arrived() < 2 || subgraph.held.length < gateway.subgraphFetches().sent - before.sent) await sleep(5);
  subgraph.release();
  const bodies: GraphQLBody[] = (await answers).map((a) => a.body);
  const after = gateway.subgraphFetches();
  return { bodies, sent: after.sent - before.sent, deduplicated: after.deduplicated - before.deduplicated };
}

describe('useDeduplication in the gateway', () => {
  it("shares one caller's identical queries, never two callers' nor a personal read", async () => {
    const subgraph = await heldSubgraph();
    const gateway = await startGateway({ subgraphUrls: { hello: subgraph.url }, personalFields: new Set(['Person.name']) });
    const officer = await bearer(['migration_officer'], 'officer-1');
    const same = await twoAtOnce(gateway, subgraph, '{ hello }', [officer, officer]);
    expect(same).toEqual({ bodies: [{ data: { hello: 'world' } }, { data: { hello: 'world' } }], sent: 1, deduplicated: 1 });
    const twoCallers = await twoAtOnce(gateway, subgraph, '{ hello }', [officer, await bearer(['migration_officer'], 'officer-2')]);
    expect([twoCallers.sent, twoCallers.deduplicated]).toEqual([2, 0]);
    const personal = await twoAtOnce(gateway, subgraph, '{ me { name } }', [officer, officer]);
    expect(personal).toEqual({ bodies: [{ data: { me: { name: 'Ana' } } }, { data: { me: { name: 'Ana' } } }], sent: 2, deduplicated: 0 });
  });

  it('shares nothing when off', async () => {
    const subgraph = await heldSubgraph();
    const gateway = await startGateway({ subgraphUrls: { hello: subgraph.url }, deduplicate: false });
    const officer = await bearer(['migration_officer'], 'officer-1');
    const off = await twoAtOnce(gateway, subgraph, '{ hello }', [officer, officer]);
    expect(off).toEqual({ bodies: [{ data: { hello: 'world' } }, { data: { hello: 'world' } }], sent: 2, deduplicated: 0 });
  });

  it('shares nothing over a supergraph that schema/personal-fields.json was not composed with', async () => {
    const subgraph = await heldSubgraph();
    const { logger, lines } = capturingLogger();
    // The test supergraph is not the committed one: its personal fields are unknown.
    const gateway = await startGateway({ subgraphUrls: { hello: subgraph.url }, logger });
    const officer = await bearer(['migration_officer'], 'officer-1');
    const unknown = await twoAtOnce(gateway, subgraph, '{ hello }', [officer, officer]);
    expect([unknown.sent, unknown.deduplicated]).toEqual([2, 0]);
    expect(lines.join('\n')).toMatch(/composed with another supergraph: de-duplication .* is off/);
  });
});
