import { parsePgTimestamp, type GraphQLResolverMap } from '@nomad/kit';
import type { Context } from '../../context.ts';
import { accessLogOf, auditNomad, discloseEntries, type AccessLogArgs, type AccessLogEntryView, type DiscloseInput } from './service.ts';

const ORGANISATION_NAMES: Record<string, string> = {
  migration: 'Migration authority',
  labor: 'Ministry of Labor and Social Protection',
  tax: 'State Tax Service',
  security: 'State Committee for National Security (GKNB)',
  audit: 'Internal audit',
  analytics: 'Analysts',
  subject: 'The nomad',
};

/** Whether the nomad may see why a read was withheld: once it is shown to them. */
function withheldShown(e: AccessLogEntryView): boolean {
  return !e.viewedBySubject || e.disclosedAt !== null || (e.hiddenUntil !== null && parsePgTimestamp(e.hiddenUntil) <= new Date());
}

export function ledgerResolvers(): GraphQLResolverMap<Context> {
  return {
    Nomad: {
      accessLog: (nomad: { id: string }, args: AccessLogArgs, ctx: Context) => accessLogOf(ctx, nomad.id, args),
    },
    Query: {
      auditNomad: (_: unknown, args: { id: string }, ctx: Context) => auditNomad(ctx, args.id),
    },
    Mutation: {
      discloseAccessLogEntries: (_: unknown, args: { input: DiscloseInput }, ctx: Context) => discloseEntries(ctx, args.input),
    },
    AccessLogEntry: {
      id: (e: AccessLogEntryView) => `${e.agency}:${e.recordId}`,
      agency: (e: AccessLogEntryView) => e.agency.toUpperCase(),
      caseReference: (e: AccessLogEntryView) => e.caseRef,
      bulkProcessing: (e: AccessLogEntryView) => e.bulk,
      queryId: (e: AccessLogEntryView) => e.requestId,
      initiatorOrganisation: (e: AccessLogEntryView) => ({ type: 'GOV', code: e.readerOrg, name: ORGANISATION_NAMES[e.readerOrg] ?? e.readerOrg }),
      initiatorPerson: (e: AccessLogEntryView) => (e.readerSub.startsWith('service:') ? null : { alternativeCode: e.readerSub, name: e.readerName }),
      hiddenUntil: (e: AccessLogEntryView) => (withheldShown(e) ? e.hiddenUntil : null),
      hiddenReason: (e: AccessLogEntryView) => (withheldShown(e) ? e.hiddenReason : null),
    },
  };
}
