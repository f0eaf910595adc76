import type { App } from '../../app.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { laborAggregates } from './service.ts';

export function aggregateResolvers(app: App): Resolvers {
  return {
    Query: {
      laborAggregates: (_, _args, ctx) => laborAggregates(ctx, app),
    },
  };
}
