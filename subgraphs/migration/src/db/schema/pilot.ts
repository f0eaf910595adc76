import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { nomads } from './nomads.ts';
import { migration } from './shared.ts';

/**
 * Pilot holders whose grant was announced to the other agencies (StatusGranted, `imported`): the
 * durable record a re-run of the import checks, so that a holder imported before the import
 * announced anything is announced once, and none twice (the outbox is pruned, this is not).
 */
export const pilotAnnouncements = migration.table('pilot_announcements', {
  nomadId: uuid('nomad_id')
    .primaryKey()
    .references(() => nomads.id),
  /** The StatusGranted event; null when drizzle 0015 found the holder announced but not the event (pruned). */
  eventId: uuid('event_id'),
  announcedAt: timestamp('announced_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
