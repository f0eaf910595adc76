import { parsePgTimestamp } from '@nomad/kit';
import type { SecurityDb } from '../../db/index.ts';
import { publish } from '../../events.ts';
import { listConcludedDependantScreenings } from './queries.ts';

export const DEFAULT_REPUBLISH_BATCH = 500;
export const MAX_REPUBLISH_BATCH = 10_000;

/**
 * Publishes DependantScreeningConcluded again for every concluded screening of a family member
 * (the outcome and the time it was concluded, as concludeScreening published it), through the
 * outbox, one transaction per batch. For adults whose screening GKNB concluded before the event
 * existed (migration's drizzle 0016 recorded them PENDING). Every run publishes them all again:
 * migration ignores the conclusion it already records, so running it twice is safe. Returns how
 * many it published.
 */
export async function republishDependantConclusions(db: SecurityDb, options: { batchSize?: number; onBatch?: (published: number) => void } = {}): Promise<number> {
  const limit = options.batchSize ?? DEFAULT_REPUBLISH_BATCH;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_REPUBLISH_BATCH) throw new RangeError(`batch size must be 1-${MAX_REPUBLISH_BATCH}`);
  let afterSeq = 0;
  let published = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await listConcludedDependantScreenings(tx, { afterSeq, limit });
      let count = 0;
      for (const s of rows) {
        // The query returns none of these; the guard narrows the types.
        if (s.dependantId === null || s.concludedAt === null || s.outcome === 'PENDING') continue;
        // Aggregate = the family member, as when the screening was concluded.
        await publish(tx, 'DependantScreeningConcluded', s.dependantId, {
          dependantId: s.dependantId,
          principalId: s.nomadId,
          screeningId: s.id,
          outcome: s.outcome,
          concludedAt: parsePgTimestamp(s.concludedAt).toISOString(),
        });
        count += 1;
      }
      return { lastSeq: rows.at(-1)?.seq, size: rows.length, count };
    });
    if (batch.lastSeq === undefined) return published;
    published += batch.count;
    afterSeq = batch.lastSeq;
    options.onBatch?.(published);
    if (batch.size < limit) return published;
  }
}
