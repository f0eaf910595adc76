import type { GraphQLResolverMap } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import {
  addEvidence,
  createMeasure,
  decreeDeadlineFor,
  getMeasureFor,
  listMeasuresFor,
  updateMeasure,
  type AddEvidenceInput,
  type CreateMeasureInput,
  type MeasureListArgs,
  type MeasureView,
  type UpdateMeasureInput,
} from './service.ts';

export function measureResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      technicalMeasures: (_: unknown, args: MeasureListArgs, ctx: Context) => listMeasuresFor(ctx, app, args),
      technicalMeasure: (_: unknown, args: { id: string }, ctx: Context) => getMeasureFor(ctx, app, args.id),
      technicalMeasuresDueOn: (_: unknown, _args: unknown, ctx: Context) => decreeDeadlineFor(ctx),
    },
    Mutation: {
      createTechnicalMeasure: (_: unknown, args: { input: CreateMeasureInput }, ctx: Context) => createMeasure(ctx, app, args.input),
      updateTechnicalMeasure: (_: unknown, args: { input: UpdateMeasureInput }, ctx: Context) => updateMeasure(ctx, app, args.input),
      addMeasureEvidence: (_: unknown, args: { input: AddEvidenceInput }, ctx: Context) => addEvidence(ctx, app, args.input),
    },
    TechnicalMeasure: {
      dueOn: (m: MeasureView) => m.effectiveDueOn,
      ownDueOn: (m: MeasureView) => m.dueOn,
      evidence: (m: MeasureView, _args: unknown, ctx: Context) => ctx.loaders.evidenceByMeasure.load(m.id),
    },
  };
}
