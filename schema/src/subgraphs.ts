import type { DocumentNode } from 'graphql';
import { typeDefs as migration } from '@nomad/migration/sdl';
import { typeDefs as labor } from '@nomad/labor/sdl';
import { typeDefs as tax } from '@nomad/tax/sdl';
import { typeDefs as security } from '@nomad/security/sdl';
import { PERSONAL_FIELDS as migrationPersonal } from '@nomad/migration/personal-fields';
import { PERSONAL_FIELDS as laborPersonal } from '@nomad/labor/personal-fields';
import { PERSONAL_FIELDS as taxPersonal } from '@nomad/tax/personal-fields';
import { PERSONAL_FIELDS as securityPersonal } from '@nomad/security/personal-fields';

export interface SubgraphDefinition {
  name: string;
  /** Default URL written into the supergraph; the gateway overrides it from `<NAME>_URL`. */
  url: string;
  typeDefs: DocumentNode;
  /** The subgraph's personal fields by coordinate (its `personal-fields.ts`), for `schema/personal-fields.json`. */
  personalFields: Readonly<Record<string, { description: string }>>;
}

/** Every agency subgraph in the graph: a new agency is one line here. */
export const SUBGRAPHS: SubgraphDefinition[] = [
  { name: 'migration', url: 'http://127.0.0.1:4001/graphql', typeDefs: migration, personalFields: migrationPersonal },
  { name: 'labor', url: 'http://127.0.0.1:4002/graphql', typeDefs: labor, personalFields: laborPersonal },
  { name: 'tax', url: 'http://127.0.0.1:4003/graphql', typeDefs: tax, personalFields: taxPersonal },
  { name: 'security', url: 'http://127.0.0.1:4004/graphql', typeDefs: security, personalFields: securityPersonal },
];
