import type { GraphQLResolverMap } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { laborAggregates } from './service.ts';

export function aggregateResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      laborAggregates: (_: unknown, _args: unknown, ctx: Context) => laborAggregates(ctx, app),
    },
  };
}
