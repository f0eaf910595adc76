import { collectDefaultMetrics, Counter, Histogram, type Registry } from 'prom-client';

/** What the subgraph server counts, on the registry it serves on `/metrics`. */
export interface ServerMetrics {
  /** SQL statements run on behalf of GraphQL operations (tests read it to count statements). */
  sqlTotal: Counter;
  sqlPerOperation: Histogram;
  /** GraphQL operations by outcome (`ok`, `error`). */
  operations: Counter<'outcome'>;
}

export function createServerMetrics(registry: Registry, subgraph: string): ServerMetrics {
  registry.setDefaultLabels({ subgraph });
  collectDefaultMetrics({ register: registry });
  return {
    sqlTotal: new Counter({
      name: 'nomad_sql_statements_total',
      help: 'SQL statements run on behalf of GraphQL operations',
      registers: [registry],
    }),
    sqlPerOperation: new Histogram({
      name: 'nomad_sql_statements_per_operation',
      help: 'SQL statements per GraphQL operation',
      buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50],
      registers: [registry],
    }),
    operations: new Counter({
      name: 'nomad_graphql_operations_total',
      help: 'GraphQL operations by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}
