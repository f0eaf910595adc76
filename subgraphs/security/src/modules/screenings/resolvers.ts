import type { GraphQLResolverMap } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { ScreeningRow } from '../../db/schema.ts';
import {
  clearanceOf,
  concludeScreening,
  getScreening,
  listScreeningsFor,
  readDetail,
  readOutcome,
  rescreenHolder,
  screeningOfApplication,
  screeningsOfNomad,
  type ConcludeInput,
  type RescreenInput,
  type ScreeningDetail,
  type ScreeningListArgs,
} from './service.ts';

/** The nomad's clearance as resolved below: computed from the nomad's screenings. */
interface ClearanceView {
  nomadId: string;
  latest: ScreeningRow;
  suspensionRecommended: boolean;
  screenings: ScreeningRow[];
}

/** An outcome-level field: checked on every read, whichever path reached the screening. */
function outcome<T>(read: (s: ScreeningRow) => T) {
  return (s: ScreeningRow, _args: unknown, ctx: Context): T => readOutcome(ctx, s, read(s));
}

/** A detail field: security officers only, recorded in the access log before it is returned. */
function detail<T>(field: ScreeningDetail, read: (s: ScreeningRow) => T) {
  return (s: ScreeningRow, _args: unknown, ctx: Context): Promise<T> => readDetail(ctx, s, field, read(s));
}

export function screeningResolvers(app: App): GraphQLResolverMap<Context> {
  return {
    Query: {
      screening: (_: unknown, args: { id: string }, ctx: Context) => getScreening(ctx, args.id),
      screenings: (_: unknown, args: ScreeningListArgs, ctx: Context) => listScreeningsFor(ctx, args),
    },
    Mutation: {
      concludeScreening: (_: unknown, args: { input: ConcludeInput }, ctx: Context) => concludeScreening(ctx, app, args.input),
      rescreenHolder: (_: unknown, args: { input: RescreenInput }, ctx: Context) => rescreenHolder(ctx, app, args.input),
    },
    Screening: {
      id: outcome((s) => s.id),
      kind: outcome((s) => s.kind),
      outcome: outcome((s) => s.outcome),
      openedAt: outcome((s) => s.openedAt),
      concludedAt: outcome((s) => s.concludedAt),
      version: outcome((s) => s.version),
      application: outcome((s) => (s.applicationId ? { __typename: 'Application', id: s.applicationId } : null)),
      nomad: outcome((s) => ({ __typename: 'Nomad', id: s.nomadId })),
      dependant: outcome((s) => (s.dependantId ? { __typename: 'Dependant', id: s.dependantId } : null)),
      reasons: detail('reasons', (s) => s.reasons),
      reasonText: detail('reasonText', (s) => s.reasonText),
      classification: detail('classification', (s) => s.classification),
      concludedBy: detail('concludedBy', (s) => (s.outcome === 'PENDING' ? null : s.officerSub)),
      requestNote: detail('requestNote', (s) => s.requestNote),
    },
    // No SQL here: the reference is the id; `screening` and `clearance` batch through loaders.
    Application: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      screening: (a: { id: string }, _args: unknown, ctx: Context) => screeningOfApplication(ctx, a.id),
    },
    Nomad: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      clearance: async (n: { id: string }, _args: unknown, ctx: Context): Promise<ClearanceView | null> => {
        const rows = await screeningsOfNomad(ctx, n.id);
        const c = clearanceOf(rows);
        return c ? { nomadId: n.id, ...c, screenings: rows } : null;
      },
    },
    Clearance: {
      outcome: (c: ClearanceView) => c.latest.outcome,
      concludedAt: (c: ClearanceView) => c.latest.concludedAt,
      suspensionRecommended: (c: ClearanceView) => c.suspensionRecommended,
      screenings: (c: ClearanceView) => c.screenings,
    },
  };
}
