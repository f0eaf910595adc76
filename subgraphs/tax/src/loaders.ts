import DataLoader from 'dataloader';
import { byKey, countByKey, createAccessRecorder, groupByKey, onceLoader, pagedLoader, type ReadRequest } from '@nomad/kit';
import type { TaxDb } from './db/index.ts';
import { ACCESS_POLICY } from './personal-fields.ts';
import { accessTables, type CampaignRow, type PaymentRow, type RegimeRow, type RegisterEntryRow, type RegistrationRow } from './db/schema.ts';
import { getCampaignCodes, getCampaignsByIds, getProgressByCampaignIds, type ProgressRow } from './modules/campaign/queries.ts';
import { countDeclarationsByRegistrationIds, getDeclarationPagesByRegistrationIds, getPaymentsByDeclarationIds } from './modules/declarations/queries.ts';
import {
  getEntriesByRegistrationIds,
  getRegimes,
  getRegistrationsByIds,
  getRegistrationsByNomadIds,
  getRegistrationsByPins,
} from './modules/registrations/queries.ts';

/** Per-request loaders: built in the context function, never shared between requests. */
export function createLoaders(db: TaxDb, request: ReadRequest) {
  return {
    /** Records reads of personal data (PIN, income) before they are returned. */
    access: createAccessRecorder(db, accessTables, request, ACCESS_POLICY),
    /** The regime table, read at most once per request. */
    regimes: onceLoader<'all', Map<string, RegimeRow>>(async () => new Map((await getRegimes(db)).map((r) => [r.code, r]))),
    registrationById: new DataLoader<string, RegistrationRow | null>(async (ids) =>
      byKey(ids, await getRegistrationsByIds(db, { ids }), (r) => r.id),
    ),
    registrationByNomadId: new DataLoader<string, RegistrationRow | null>(async (nomadIds) =>
      byKey(nomadIds, await getRegistrationsByNomadIds(db, { nomadIds }), (r) => r.nomadId),
    ),
    registrationByPin: new DataLoader<string, RegistrationRow | null>(async (pins) =>
      byKey(pins, await getRegistrationsByPins(db, { pins }), (r) => r.pin),
    ),
    entriesByRegistration: new DataLoader<string, RegisterEntryRow[]>(async (ids) =>
      groupByKey(ids, await getEntriesByRegistrationIds(db, { registrationIds: ids }), (r) => r.registrationId),
    ),
    paymentsByDeclaration: new DataLoader<string, PaymentRow[]>(async (ids) =>
      groupByKey(ids, await getPaymentsByDeclarationIds(db, { declarationIds: ids }), (r) => r.declarationId),
    ),
    campaignById: new DataLoader<string, CampaignRow | null>(async (ids) => byKey(ids, await getCampaignsByIds(db, { ids }), (r) => r.id)),
    campaignCode: new DataLoader<string, string | null>(async (ids) => byKey(ids, await getCampaignCodes(db, { ids }), (r) => r.id).map((r) => r?.code ?? null)),
    progressByCampaign: new DataLoader<string, ProgressRow[]>(async (ids) =>
      groupByKey(ids, await getProgressByCampaignIds(db, { campaignIds: ids }), (r) => r.campaignId),
    ),
    /** How many declarations each registration has: one statement for every registration asked. */
    declarationCountByRegistration: new DataLoader<string, number>(async (ids) =>
      countByKey(ids, await countDeclarationsByRegistrationIds(db, { registrationIds: ids }), (r) => r.registrationId, (r) => r.n),
    ),
    /**
     * Pages of declarations per registration. Keys that share the same page arguments (the
     * usual case: one field in a list) are fetched together in constant statements.
     */
    declarationsByRegistration: pagedLoader('registrationId', (registrationIds, page) => getDeclarationPagesByRegistrationIds(db, { registrationIds, page }), (r) => r.registrationId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
