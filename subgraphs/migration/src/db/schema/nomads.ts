import { PIN_PATTERN, updatedVersionColumns } from '@nomad/kit';
import { sql } from 'drizzle-orm';
import { char, check, date, index, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { migration, recordSourceEnum, sexEnum } from './shared.ts';

/** A person who applied for or holds the status. Identity as in the passport (Latin script). */
export const nomads = migration.table(
  'nomads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surname: text('surname').notNull(),
    givenNames: text('given_names').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    sex: sexEnum('sex').notNull(),
    citizenship: char('citizenship', { length: 3 }).notNull(),
    passportCountry: char('passport_country', { length: 3 }).notNull(),
    passportNumber: text('passport_number').notNull(),
    passportExpiresOn: date('passport_expires_on', { mode: 'string' }).notNull(),
    email: text('email').notNull(),
    /** Assigned through ZHAAK on first approval; null until then. */
    pin: char('pin', { length: 14 }),
    source: recordSourceEnum('source').notNull().default('PORTAL'),
    ...updatedVersionColumns(),
  },
  (t) => [
    uniqueIndex('nomads_pin_key').on(t.pin),
    unique('nomads_passport_key').on(t.passportCountry, t.passportNumber),
    index('nomads_created_idx').on(t.createdAt, t.id),
    index('nomads_citizenship_idx').on(t.citizenship),
    check('nomads_pin_format', sql`${t.pin} is null or ${t.pin} ~ ${sql.raw(`'${PIN_PATTERN.source}'`)}`),
  ],
);

/**
 * The passports a nomad held before the one on record (`nomads.passport_*`): when a renewed
 * passport is recorded, the one it replaces is kept here, with who replaced it and when.
 * Never updated.
 */
export const passportHistory = migration.table(
  'passport_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nomadId: uuid('nomad_id')
      .notNull()
      .references(() => nomads.id),
    country: char('country', { length: 3 }).notNull(),
    number: text('number').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    replacedAt: timestamp('replaced_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** `sub` of whoever recorded the new passport: the nomad themself or a migration officer. */
    replacedBy: text('replaced_by').notNull(),
  },
  (t) => [index('passport_history_nomad_idx').on(t.nomadId, t.replacedAt)],
);

export type NomadRow = typeof nomads.$inferSelect;
