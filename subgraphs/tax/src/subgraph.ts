import { defineAgency, type DefinedAgencySubgraphOptions, type SubgraphServer } from '@nomad/kit';
import type { App } from './app.ts';
import { schema, type TaxSchema } from './db/index.ts';
import { accessTables, idempotencyKeys } from './db/schema.ts';
import { eventTables } from './events.ts';
import { createLoaders } from './loaders.ts';
import { aggregateResolvers } from './modules/aggregates/resolvers.ts';
import { campaignResolvers } from './modules/campaign/resolvers.ts';
import { startCampaignRunner } from './modules/campaign/runner.ts';
import { declarationResolvers } from './modules/declarations/resolvers.ts';
import { registrationEventHandlers } from './modules/registrations/handlers.ts';
import { registrationResolvers } from './modules/registrations/resolvers.ts';
import { statisticsResolvers } from './modules/statistics/resolvers.ts';
import { PERSONAL_FIELDS } from './personal-fields.ts';
import { SUBGRAPH_NAME, typeDefs } from './sdl.ts';
import { seedTax } from './seed/seed.ts';

/** The State Tax Service: what is its own; the kit adds the rest (`defineAgency`). */
export const taxAgency = defineAgency({
  name: SUBGRAPH_NAME,
  defaultPort: 4003,
  schema,
  moduleUrl: import.meta.url,
  typeDefs,
  resolvers: (app: App) => [
    registrationResolvers(app),
    campaignResolvers(app),
    declarationResolvers(app),
    aggregateResolvers(app),
    statisticsResolvers(),
  ],
  createLoaders,
  personalFields: PERSONAL_FIELDS,
  tables: { access: accessTables, idempotency: { idempotencyKeys }, events: eventTables },
  handlers: registrationEventHandlers,
  seed: seedTax,
  runtime: ({ db, logger, clock }) => {
    // Resumes a campaign a stop or a crash interrupted, then waits for the next one.
    const campaigns = startCampaignRunner(db, clock, logger);
    const app: App = { clock, campaigns };
    return { app, jobs: [campaigns] };
  },
});

export type TaxSubgraphOptions = DefinedAgencySubgraphOptions<TaxSchema, App>;

/** Starts the tax subgraph over an open, migrated database. */
export const startTaxSubgraph: (options: TaxSubgraphOptions) => Promise<SubgraphServer> = taxAgency.startSubgraph;
