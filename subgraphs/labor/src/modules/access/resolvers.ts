import type { GraphQLResolverMap, PageArgs } from '@nomad/kit';
import type { Context } from '../../context.ts';
import type { AccessRecordRow } from '../../db/schema.ts';
import { accessRecordsFor } from './service.ts';

export function accessResolvers(): GraphQLResolverMap<Context> {
  return {
    Query: {
      laborAccessRecords: (_: unknown, args: PageArgs & { subjectId?: string | null }, ctx: Context) => accessRecordsFor(ctx, args),
    },
    LaborAccessRecord: {
      reader: (r: AccessRecordRow) => r.principalSub,
      readerRoles: (r: AccessRecordRow) => r.principalRoles,
    },
  };
}
