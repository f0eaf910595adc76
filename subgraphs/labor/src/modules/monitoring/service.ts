import { abort, concurrentChange, badUserInput, EventRejection, isUuid, parsePgTimestamp, RejectedEvent, runMutation, toConnection, toPage, type CountedConnection, type EventPayload, type PageArgs, type UserError } from '@nomad/kit';
import { assertLaborOfficer, assertMonitoringReadable, canSeeMonitoringOf, isLaborOfficer } from '../../access.ts';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { LaborDb } from '../../db/index.ts';
import type { CaseActionRow, MonitoringCaseRow } from '../../db/schema.ts';
import { addCaseAction, countCases, getCasesByNomadIds, insertCase, lastStatusFactAt, listCases, lockCaseOfNomad, updateCaseIf, type CaseFilterParams } from './queries.ts';

export type RiskLevel = MonitoringCaseRow['riskLevel'];
export type CaseState = MonitoringCaseRow['state'];

/** Appends to the nomad's case history, if the nomad has a case (an applicant has none yet). */
export async function noteOnCase(
  tx: LaborDb,
  nomadId: string,
  action: Pick<CaseActionRow, 'kind' | 'actor' | 'at'> & { evaluationId?: string | null; note?: string | null },
): Promise<void> {
  const [monitoringCase] = await getCasesByNomadIds(tx, { nomadIds: [nomadId] });
  if (!monitoringCase) return;
  await addCaseAction(tx, { values: { caseId: monitoringCase.id, ...action } });
}

// ---------------------------------------------------------------- event handlers

/**
 * Why a status fact reported at `at` (the event's `occurredAt`) is older than the last one
 * applied to the case, or null when it is not: an older fact never rolls the case back (a
 * revocation delivered after a later re-grant must not close the reopened case).
 */
async function staleness(tx: LaborDb, existing: MonitoringCaseRow, at: string): Promise<string | null> {
  const last = await lastStatusFactAt(tx, { caseId: existing.id });
  if (last === null || new Date(at).getTime() >= parsePgTimestamp(last).getTime()) return null;
  return `the status fact of ${at} is older than the last one applied to case ${existing.id}`;
}

/**
 * StatusGranted / StatusExtended: the nomad holds the status until `validUntil`. A grant opens
 * the case (one per nomad, whatever the number of grants), reopens a closed one, or moves the
 * end of the monitored period; an extension moves it or reopens the case. A repeated event
 * changes nothing; one older than the last status fact applied to the case changes nothing
 * either (returns why). An extension of a nomad labor has no case for (never announced by a
 * grant: every holder, pilot holders included, is) is refused for good (`EVENT_SUBJECT_UNKNOWN`,
 * dead-lettered): labor never invents a case from an extension.
 */
export async function onStatusPeriod(
  tx: LaborDb,
  // StatusGranted and StatusExtended share one payload schema.
  payload: EventPayload<'StatusGranted'>,
  at: string,
  announcement: 'granted' | 'extended',
): Promise<string | null> {
  const existing = await lockCaseOfNomad(tx, { nomadId: payload.nomadId });
  if (!existing) {
    if (announcement === 'extended') {
      throw new RejectedEvent(EventRejection.SUBJECT_UNKNOWN, `the status of nomad ${payload.nomadId} was extended, but no grant announced them to labor`);
    }
    const opened = await insertCase(tx, { values: { nomadId: payload.nomadId, openedOn: payload.validFrom, statusValidUntil: payload.validUntil } });
    if (opened) await addCaseAction(tx, { values: { caseId: opened.id, kind: 'OPENED', actor: 'migration', at, note: payload.periodKind } });
    return null;
  }
  const stale = await staleness(tx, existing, at);
  if (stale) return stale;
  if (existing.state === 'CLOSED') {
    const reopened = await updateCaseIf(tx, {
      id: existing.id,
      from: ['CLOSED'],
      set: { state: 'OPEN', openedOn: payload.validFrom, statusValidUntil: payload.validUntil, closedOn: null, closeReason: null },
    });
    if (reopened) await addCaseAction(tx, { values: { caseId: existing.id, kind: 'REOPENED', actor: 'migration', at, note: payload.periodKind } });
    return null;
  }
  if (payload.validUntil <= existing.statusValidUntil) return null;
  await updateCaseIf(tx, { id: existing.id, from: ['OPEN'], set: { statusValidUntil: payload.validUntil } });
  await addCaseAction(tx, { values: { caseId: existing.id, kind: 'PERIOD_EXTENDED', actor: 'migration', at, note: payload.periodKind } });
  return null;
}

/**
 * StatusRevoked / StatusExpired: the case closes. A case already closed stays as it is; a fact
 * older than the last status fact applied changes nothing (returns why). A nomad labor has no
 * case for is refused for good (`EVENT_SUBJECT_UNKNOWN`, dead-lettered): labor never invents a
 * case to close.
 */
export async function onStatusEnded(tx: LaborDb, nomadId: string, reason: 'STATUS_REVOKED' | 'STATUS_EXPIRED', closedOn: string, at: string): Promise<string | null> {
  const existing = await lockCaseOfNomad(tx, { nomadId });
  if (!existing) throw new RejectedEvent(EventRejection.SUBJECT_UNKNOWN, `the status of nomad ${nomadId} ended, but labor has no monitoring case of theirs`);
  const stale = await staleness(tx, existing, at);
  if (stale) return stale;
  if (existing.state === 'CLOSED') return null;
  const closed = await updateCaseIf(tx, { id: existing.id, from: ['OPEN'], set: { state: 'CLOSED', closedOn, closeReason: reason } });
  if (closed) await addCaseAction(tx, { values: { caseId: existing.id, kind: 'CLOSED', actor: 'migration', at, note: reason } });
  return null;
}

// ---------------------------------------------------------------- reads

/** `Nomad.monitoring`: labor officers, the nomad, and an expert evaluating the nomad. */
export async function monitoringOfNomad(ctx: Context, nomadId: string): Promise<MonitoringCaseRow | null> {
  await assertMonitoringReadable(ctx, nomadId);
  return ctx.loaders.caseByNomad.load(nomadId);
}

export async function getCase(ctx: Context, id: string): Promise<MonitoringCaseRow | null> {
  if (!isUuid(id)) throw badUserInput('`id` must be a UUID.', 'id');
  const row = await ctx.loaders.caseById.load(id);
  return row && (await canSeeMonitoringOf(ctx, row.nomadId)) ? row : null;
}

/** A history entry with the nomad it is about, so that its note can be recorded as a read of that nomad's data. */
export type CaseActionView = CaseActionRow & { nomadId: string };

export async function historyOf(ctx: Context, monitoringCase: MonitoringCaseRow): Promise<CaseActionView[]> {
  const actions = await ctx.loaders.actionsByCase.load(monitoringCase.id);
  return actions.map((a) => ({ ...a, nomadId: monitoringCase.nomadId }));
}

export interface CaseListArgs extends PageArgs {
  filter?: { states?: CaseState[] | null; riskLevels?: RiskLevel[] | null } | null;
}

export async function listCasesFor(ctx: Context, args: CaseListArgs): Promise<CountedConnection<MonitoringCaseRow>> {
  assertLaborOfficer(ctx, 'Listing monitoring cases');
  const page = toPage(args);
  const filter: CaseFilterParams = { states: args.filter?.states ?? undefined, riskLevels: args.filter?.riskLevels ?? undefined };
  const rows = await listCases(ctx.db, { filter, page });
  for (const row of rows) ctx.loaders.caseByNomad.prime(row.nomadId, row);
  return { ...toConnection(rows, page, (r) => ({ key: r.createdAt, id: r.id })), totalCount: () => countCases(ctx.db, { filter }) };
}

// ---------------------------------------------------------------- mutations

export interface SetRiskLevelInput {
  nomadId: string;
  riskLevel: RiskLevel;
  note?: string | null;
  expectedVersion?: number | null;
}

export interface CasePayload {
  monitoringCase: MonitoringCaseRow | null;
  userErrors: UserError[];
}

/** A labor officer sets the risk level of an OPEN case; the change and its reason enter the history. */
export async function setCaseRiskLevel(ctx: Context, app: App, input: SetRiskLevelInput): Promise<CasePayload> {
  if (!isLaborOfficer(ctx.principal)) {
    return { monitoringCase: null, userErrors: [{ code: 'FORBIDDEN', field: null, message: 'Only a labor officer may set a risk level.' }] };
  }
  if (!isUuid(input.nomadId)) {
    return { monitoringCase: null, userErrors: [{ code: 'CASE_NOT_FOUND', field: 'input.nomadId', message: 'This nomad has no monitoring case.' }] };
  }
  const note = input.note?.trim() || null;
  const outcome = await runMutation(ctx, 'setCaseRiskLevel', input, async (tx) => {
    const current = await lockCaseOfNomad(tx, { nomadId: input.nomadId });
    if (!current) throw abort('CASE_NOT_FOUND', 'This nomad has no monitoring case.', 'input.nomadId');
    if (input.expectedVersion != null && input.expectedVersion !== current.version) {
      throw abort('CONFLICT', 'The case changed since you read it; reload and try again.', 'input.expectedVersion');
    }
    if (current.state !== 'OPEN') throw abort('INVALID_TRANSITION', 'setCaseRiskLevel is not allowed while the case is CLOSED.', 'input.nomadId');
    if (current.riskLevel === input.riskLevel) throw abort('RISK_LEVEL_UNCHANGED', `The risk level is already ${input.riskLevel}.`, 'input.riskLevel');
    if (!note) throw abort('NOTE_REQUIRED', 'Say why the risk level changes.', 'input.note');
    const updated = await updateCaseIf(tx, { id: current.id, version: current.version, from: ['OPEN'], set: { riskLevel: input.riskLevel } });
    if (!updated) throw concurrentChange('Someone else changed the case at the same time; reload and try again.', 'input.nomadId');
    await addCaseAction(tx, {
      values: { caseId: updated.id, kind: 'RISK_CHANGED', actor: ctx.principal.sub, at: app.clock.now().toISOString(), note: `${current.riskLevel} → ${input.riskLevel}: ${note}` },
    });
    return updated;
  });
  if (!outcome.ok) return { monitoringCase: null, userErrors: outcome.userErrors };
  ctx.loaders.caseByNomad.clear(input.nomadId);
  ctx.loaders.actionsByCase.clear(outcome.result.id);
  ctx.logger.info({ caseId: outcome.result.id, riskLevel: input.riskLevel }, 'case risk level set');
  return { monitoringCase: outcome.result, userErrors: [] };
}
