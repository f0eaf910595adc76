import { parsePgTimestamp } from '@nomad/kit';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import { accessLogOf, auditNomad, discloseEntries, ledgerAgencyOf, type AccessLogEntryView } from './service.ts';

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

export function ledgerResolvers(): Resolvers {
  return {
    Nomad: {
      accessLog: (nomad, args, ctx) => accessLogOf(ctx, nomad.id, args),
    },
    Query: {
      auditNomad: (_, args, ctx) => auditNomad(ctx, args.id),
    },
    Mutation: {
      discloseAccessLogEntries: (_, args, ctx) => discloseEntries(ctx, args.input),
    },
    AccessLogEntry: {
      id: (e) => `${e.agency}:${e.recordId}`,
      agency: (e) => ledgerAgencyOf(e.agency),
      caseReference: (e) => e.caseRef,
      bulkProcessing: (e) => e.bulk,
      queryId: (e) => e.requestId,
      initiatorOrganisation: (e) => ({ type: 'GOV', code: e.readerOrg, name: ORGANISATION_NAMES[e.readerOrg] ?? e.readerOrg }),
      initiatorPerson: (e) => (e.readerSub.startsWith('service:') ? null : { alternativeCode: e.readerSub, name: e.readerName }),
      hiddenUntil: (e) => (withheldShown(e) ? e.hiddenUntil : null),
      hiddenReason: (e) => (withheldShown(e) ? e.hiddenReason : null),
    },
  };
}
