import type { App } from '../../app.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import {
  addEvidence,
  createMeasure,
  decreeDeadlineFor,
  getMeasureFor,
  listMeasuresFor,
  updateMeasure,
} from './service.ts';

export function measureResolvers(app: App): Resolvers {
  return {
    Query: {
      technicalMeasures: (_, args, ctx) => listMeasuresFor(ctx, app, args),
      technicalMeasure: (_, args, ctx) => getMeasureFor(ctx, app, args.id),
      technicalMeasuresDueOn: (_, _args, ctx) => decreeDeadlineFor(ctx),
    },
    Mutation: {
      createTechnicalMeasure: (_, args, ctx) => createMeasure(ctx, app, args.input),
      updateTechnicalMeasure: (_, args, ctx) => updateMeasure(ctx, app, args.input),
      addMeasureEvidence: (_, args, ctx) => addEvidence(ctx, app, args.input),
    },
    TechnicalMeasure: {
      dueOn: (m) => m.effectiveDueOn,
      ownDueOn: (m) => m.dueOn,
      evidence: (m, _args, ctx) => ctx.loaders.evidenceByMeasure.load(m.id),
    },
  };
}
