import { allowsWithoutRelations, badUserInput, forbidden, hasRole, isUuid, toConnection, toPage, userError, type CountedConnection, type PageArgs, type UserError } from '@nomad/kit';
import type { Context } from '../../context.ts';
import { NEED_TO_KNOW } from '../../policy.ts';
import { countAccessLog, getLedgerEntries, insertDisclosures, listAccessLog, type AccessLogFilter, type LedgerEntryRow } from './queries.ts';

export const LEDGER_AGENCIES = ['MIGRATION', 'LABOR', 'TAX', 'SECURITY'] as const;
export type LedgerAgencyEnum = (typeof LEDGER_AGENCIES)[number];

/** A ledger row's agency as the schema's `LedgerAgency`; one it does not list is a broken ledger (thrown, masked as internal). */
export function ledgerAgencyOf(agency: string): LedgerAgencyEnum {
  const found = LEDGER_AGENCIES.find((a) => a === agency.toUpperCase());
  if (!found) throw new Error('A ledger entry names an agency the schema does not list');
  return found;
}

export interface AccessLogArgs extends PageArgs {
  from?: Date | null;
  to?: Date | null;
  agency?: LedgerAgencyEnum | null;
}

/** An entry as a resolver shapes it: the row, and whether the viewer is the nomad (who sees less). */
export interface AccessLogEntryView extends LedgerEntryRow {
  viewedBySubject: boolean;
}

const ENTRY_ID = /^(migration|labor|tax|security):([0-9]{1,15})$/;

/** Which view of a nomad's access log the caller gets: the nomad's own, an auditor's, or none. */
function viewOf(ctx: Context, nomadId: string): 'subject' | 'auditor' {
  if (!allowsWithoutRelations(NEED_TO_KNOW, 'Nomad.accessLog', ctx.principal, nomadId)) throw forbidden('The access log is for auditors and the nomad it concerns.');
  return hasRole(ctx.principal, 'auditor') ? 'auditor' : 'subject';
}

/**
 * A nomad's consolidated access log, newest first. Reading it is itself a read of personal
 * data (who looked at whom): recorded like any other before it is returned.
 */
export async function accessLogOf(ctx: Context, nomadId: string, args: AccessLogArgs): Promise<CountedConnection<AccessLogEntryView>> {
  const view = viewOf(ctx, nomadId);
  const page = toPage(args);
  let after: { at: string; agency: string; recordId: number } | undefined;
  if (page.after) {
    const id = ENTRY_ID.exec(page.after.id);
    if (!id?.[1] || !id[2] || Number.isNaN(Date.parse(page.after.key))) throw badUserInput('`after` is not a cursor returned by this field.', 'after');
    after = { at: page.after.key, agency: id[1], recordId: Number(id[2]) };
  }
  if (args.from && args.to && args.from >= args.to) throw badUserInput('`from` must be before `to`.', 'from');
  await ctx.loaders.access.record(nomadId, 'Nomad.accessLog');
  const filter: AccessLogFilter = {
    subjectId: nomadId,
    from: args.from?.toISOString(),
    to: args.to?.toISOString(),
    agency: args.agency?.toLowerCase(),
    asSubject: view === 'subject',
  };
  const rows = await listAccessLog(ctx.db, { ...filter, after, limit: page.limit + 1 });
  const views = rows.map((r) => ({ ...r, viewedBySubject: view === 'subject' }));
  return {
    ...toConnection(views, page, (r) => ({ key: new Date(r.at.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).toISOString(), id: `${r.agency}:${r.recordId}` })),
    totalCount: () => countAccessLog(ctx.db, filter),
  };
}

export interface DiscloseInput {
  entryIds: string[];
  note?: string | null;
}

/** An auditor shows withheld reads to the nomad now (Data Tracker v3 `disclose`). All or nothing. */
export async function discloseEntries(ctx: Context, input: DiscloseInput): Promise<{ entries: AccessLogEntryView[]; userErrors: UserError[] }> {
  if (!hasRole(ctx.principal, 'auditor')) return { entries: [], userErrors: [userError('FORBIDDEN', 'Only an auditor may disclose withheld reads.')] };
  const errors: UserError[] = [];
  if (input.entryIds.length === 0 || input.entryIds.length > 100) errors.push(userError('INVALID_FORMAT', 'Give between 1 and 100 entry ids.', 'input.entryIds'));
  const keys = input.entryIds.flatMap((id, i) => {
    const m = ENTRY_ID.exec(id);
    if (!m?.[1] || !m[2]) {
      errors.push(userError('INVALID_FORMAT', 'An entry id is `<agency>:<number>`.', `input.entryIds.${i}`));
      return [];
    }
    return [{ agency: m[1], recordId: Number(m[2]) }];
  });
  if (input.note && input.note.length > 2_000) errors.push(userError('INVALID_FORMAT', 'The note is at most 2,000 characters.', 'input.note'));
  if (errors.length > 0) return { entries: [], userErrors: errors };
  const found = await getLedgerEntries(ctx.db, { keys });
  keys.forEach((k, i) => {
    const row = found.find((r) => r.agency === k.agency && r.recordId === k.recordId);
    if (!row) errors.push(userError('ENTRY_NOT_FOUND', 'No such entry in the ledger.', `input.entryIds.${i}`));
    else if (row.hiddenUntil === null) errors.push(userError('NOT_HIDDEN', 'This read was never withheld from the nomad.', `input.entryIds.${i}`));
  });
  if (errors.length > 0) return { entries: [], userErrors: errors };
  await insertDisclosures(ctx.db, { keys, by: ctx.principal.sub, note: input.note?.trim() || null });
  ctx.logger.info({ entries: keys.length }, 'withheld access-log entries disclosed');
  const entries = await getLedgerEntries(ctx.db, { keys });
  return { entries: entries.map((r) => ({ ...r, viewedBySubject: false })), userErrors: [] };
}

/** An auditor's way to a nomad's access log: the nomad's reference, whoever holds their other data. */
export function auditNomad(ctx: Context, id: string): { id: string } {
  if (!hasRole(ctx.principal, 'auditor')) throw forbidden('`auditNomad` is for auditors.');
  if (!isUuid(id)) throw badUserInput('`id` must be a UUID.', 'id');
  return { id: id.toLowerCase() };
}
