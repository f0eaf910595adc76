import { bigserial, char, index, integer, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * The access log of one agency, in that agency's schema: who read which personal fields of
 * which subject, why, and in which operation. Append-only (a trigger refuses UPDATE and
 * DELETE) and hash-chained: each record holds the hash of the one before, so a removed or
 * altered record breaks the chain.
 */
export function accessLogTables(schema: PgSchema) {
  const accessLog = schema.table(
    'access_log',
    {
      seq: bigserial('seq', { mode: 'number' }).primaryKey(),
      at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      requestId: text('request_id').notNull(),
      principalSub: text('principal_sub').notNull(),
      principalRoles: text('principal_roles').array().notNull(),
      purpose: text('purpose'),
      operation: text('operation').notNull(),
      subjectId: text('subject_id').notNull(),
      fields: text('fields').array().notNull(),
      prevHash: char('prev_hash', { length: 64 }).notNull(),
      hash: char('hash', { length: 64 }).notNull(),
    },
    (t) => [index('access_log_subject_idx').on(t.subjectId, t.seq)],
  );
  /** One row: the chain's head, locked while records are appended so the chain stays linear. */
  const accessLogHead = schema.table('access_log_head', {
    id: integer('id').primaryKey().default(1),
    hash: char('hash', { length: 64 }).notNull().default(sql`repeat('0', 64)`),
  });
  return { accessLog, accessLogHead };
}

export type AccessLogTables = ReturnType<typeof accessLogTables>;
