import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
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
  type ScreeningDetail,
} from './service.ts';

/** An outcome-level field: checked on every read, whichever path reached the screening. */
function outcome<T>(read: (s: ScreeningRow) => T) {
  return (s: ScreeningRow, _args: unknown, ctx: Context): T => readOutcome(ctx, s, read(s));
}

/** A detail field: security officers only, recorded in the access log before it is returned. */
function detail<T>(field: ScreeningDetail, read: (s: ScreeningRow) => T) {
  return (s: ScreeningRow, _args: unknown, ctx: Context): Promise<T> => readDetail(ctx, s, field, read(s));
}

export function screeningResolvers(app: App): Resolvers {
  return {
    Query: {
      screening: (_, args, ctx) => getScreening(ctx, args.id),
      screenings: (_, args, ctx) => listScreeningsFor(ctx, args),
    },
    Mutation: {
      concludeScreening: (_, args, ctx) => concludeScreening(ctx, app, args.input),
      rescreenHolder: (_, args, ctx) => rescreenHolder(ctx, app, args.input),
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
      __resolveReference: (ref) => ({ id: ref.id }),
      screening: (a, _args, ctx) => screeningOfApplication(ctx, a.id),
    },
    Nomad: {
      __resolveReference: (ref) => ({ id: ref.id }),
      clearance: async (n, _args, ctx) => {
        const rows = await screeningsOfNomad(ctx, n.id);
        const c = clearanceOf(rows);
        return c ? { nomadId: n.id, ...c, screenings: rows } : null;
      },
    },
    Clearance: {
      outcome: (c) => c.latest.outcome,
      concludedAt: (c) => c.latest.concludedAt,
      suspensionRecommended: (c) => c.suspensionRecommended,
      screenings: (c) => c.screenings,
    },
  };
}
