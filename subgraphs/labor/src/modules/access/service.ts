import { badUserInput, forbidden, hasRole, toConnection, toPage, type Connection, type PageArgs } from '@nomad/kit';
import { UUID } from '../../access.ts';
import type { Context } from '../../context.ts';
import type { AccessRecordRow } from '../../db/schema.ts';
import { listAccessRecords } from './queries.ts';

/** Auditors read the whole log; a nomad reads who accessed their own data. */
export async function accessRecordsFor(ctx: Context, args: PageArgs & { subjectId?: string | null }): Promise<Connection<AccessRecordRow>> {
  const page = toPage(args);
  if (args.subjectId != null && !UUID.test(args.subjectId)) throw badUserInput('`subjectId` must be a UUID.', 'subjectId');
  let subjectId = args.subjectId ?? undefined;
  const { principal } = ctx;
  if (!hasRole(principal, 'auditor')) {
    if (!principal.roles.includes('nomad') || !principal.nomadId) throw forbidden("Labor's access log is for auditors and the nomads it concerns.");
    if (subjectId && subjectId !== principal.nomadId) throw forbidden('A nomad may read only who accessed their own data.');
    subjectId = principal.nomadId;
  }
  const rows = await listAccessRecords(ctx.db, { subjectId, page });
  return toConnection(rows, page, (r) => ({ key: String(r.seq), id: String(r.seq) }));
}
