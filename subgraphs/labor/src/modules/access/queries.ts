import { and, desc, eq } from 'drizzle-orm';
import { afterCursor, type Page } from '@nomad/kit';
import type { LaborDb } from '../../db/index.ts';
import { accessLog, type AccessRecordRow } from '../../db/schema.ts';

export async function listAccessRecords(db: LaborDb, params: { subjectId?: string | undefined; page: Page }): Promise<AccessRecordRow[]> {
  return db
    .select()
    .from(accessLog)
    .where(
      and(
        params.subjectId ? eq(accessLog.subjectId, params.subjectId) : undefined,
        afterCursor(accessLog.seq, accessLog.seq, params.page.after, 'desc'),
      ),
    )
    .orderBy(desc(accessLog.seq))
    .limit(params.page.limit + 1);
}
