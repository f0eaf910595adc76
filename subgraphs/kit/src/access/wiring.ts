import { pgSchema } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/database.ts';
import type { EventType } from '../events/catalog.ts';
import type { EventHandlers } from '../events/route.ts';
import { eventTables } from '../events/tables.ts';
import type { AgencyKeyring } from '../keys/keyring.ts';
import type { Logger } from '../logger.ts';
import { agencyAccessLog, loadAccessRules } from './agency-log.ts';
import { anchorAccessSeal, anchorLedgerSeal, LEDGER_AGENCY, LEDGER_ANCHOR_AGENCY, ledgerLog } from './ledger.ts';
import { startSealer, type Sealer } from './sealer.ts';
import { accessLogTables, ledgerRootTables, ledgerTables } from './table.ts';

type AnyExecutor = Executor<Record<string, unknown>>;

/**
 * The access-log tables of an agency, built from its schema name: the kit wires the sealer and
 * the ledger's handlers without importing the agency (its own `db/schema.ts` declares the same
 * tables for its migrations and queries).
 */
export function agencyAccessTables(agency: string) {
  const schema = pgSchema(agency);
  return { access: accessLogTables(schema), events: eventTables(schema), ledger: ledgerTables(schema), ledgerRoots: ledgerRootTables(schema) };
}

/**
 * The event handlers of the access ledger that `agency` runs: the ledger's `AccessSealed` in
 * GKNB, the ledger roots' `LedgerSealed` in migration, none elsewhere. Merged into the agency's
 * own handlers by `runSubgraph` and `startAgencySubgraph`.
 */
export function accessLedgerHandlers(agency: string, keyring: AgencyKeyring): EventHandlers<AnyExecutor> {
  const tables = agencyAccessTables(agency);
  if (agency === LEDGER_AGENCY) return { AccessSealed: (tx, event) => anchorAccessSeal(tx, tables.ledger, keyring, event) };
  if (agency === LEDGER_ANCHOR_AGENCY) return { LedgerSealed: (tx, event) => anchorLedgerSeal(tx, tables.ledgerRoots, keyring, event) };
  return {};
}

/** The event types `accessLedgerHandlers(agency, …)` handles (for the start-up check of the subscription table). */
export function accessLedgerEventTypes(agency: string): EventType[] {
  if (agency === LEDGER_AGENCY) return ['AccessSealed'];
  if (agency === LEDGER_ANCHOR_AGENCY) return ['LedgerSealed'];
  return [];
}

export interface AccessLedgerOptions {
  agency: string;
  db: AnyExecutor;
  keyring: AgencyKeyring;
  logger: Logger;
  /** @default true; false: seal only on `runOnce` (tests) */
  autoStart?: boolean;
}

/**
 * Starts the sealer of the agency's access log (and, in GKNB, the ledger's own sealer), at the
 * pace of the rule `seal_delay_ms`. `stop()` seals what committed before it.
 */
export function startAccessLedger(options: AccessLedgerOptions): Sealer {
  const tables = agencyAccessTables(options.agency);
  const rules = () => loadAccessRules(options.db, tables.access);
  const common = { db: options.db, keyring: options.keyring, logger: options.logger, rules, autoStart: options.autoStart ?? true };
  const sealers = [startSealer({ ...common, log: agencyAccessLog({ agency: options.agency, tables: tables.access, events: tables.events }) })];
  if (options.agency === LEDGER_AGENCY) sealers.push(startSealer({ ...common, log: ledgerLog({ tables: tables.ledger, events: tables.events }) }));
  return {
    async runOnce() {
      let written = 0;
      // The agency's log first, then (in GKNB) the ledger's anchors.
      for (const s of sealers) written += await s.runOnce();
      return written;
    },
    async stop() {
      for (const s of sealers) await s.stop();
    },
  };
}
