import DataLoader from 'dataloader';
import { byKey, createAccessRecorder, groupByKey, pageSignature, type Page, type ReadRequest } from '@nomad/kit';
import type { TaxDb } from './db/index.ts';
import { ACCESS_POLICY } from './personal-fields.ts';
import { accessTables, type CampaignRow, type PaymentRow, type RegimeRow, type RegisterEntryRow, type RegistrationRow } from './db/schema.ts';
import { getCampaignsByIds, getProgressByCampaignIds, type ProgressRow } from './modules/campaign/queries.ts';
import { getDeclarationPagesByRegistrationIds, getPaymentsByDeclarationIds, type DeclarationView } from './modules/declarations/queries.ts';
import {
  getEntriesByRegistrationIds,
  getRegimes,
  getRegistrationsByIds,
  getRegistrationsByNomadIds,
  getRegistrationsByPins,
} from './modules/registrations/queries.ts';

/** A request for one registration's page of declarations. */
export interface RegistrationDeclarationsKey {
  registrationId: string;
  page: Page;
}

/** Per-request loaders: built in the context function, never shared between requests. */
export function createLoaders(db: TaxDb, request: ReadRequest) {
  return {
    /** Records reads of personal data (PIN, income) before they are returned. */
    access: createAccessRecorder(db, accessTables, request, ACCESS_POLICY),
    /** The regime table, read at most once per request. */
    regimes: new DataLoader<'all', Map<string, RegimeRow>>(async (keys) => {
      const map = new Map((await getRegimes(db)).map((r) => [r.code, r]));
      return keys.map(() => map);
    }),
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
    progressByCampaign: new DataLoader<string, ProgressRow[]>(async (ids) =>
      groupByKey(ids, await getProgressByCampaignIds(db, { campaignIds: ids }), (r) => r.campaignId),
    ),
    /**
     * Pages of declarations per registration. Keys that share the same page arguments (the
     * usual case: one field in a list) are fetched together in constant statements.
     */
    declarationsByRegistration: new DataLoader<RegistrationDeclarationsKey, DeclarationView[], string>(
      async (keys) => {
        const groups = new Map<string, { page: Page; ids: string[] }>();
        for (const k of keys) {
          const sig = pageSignature(k.page);
          const g = groups.get(sig) ?? { page: k.page, ids: [] };
          g.ids.push(k.registrationId);
          groups.set(sig, g);
        }
        const results = new Map<string, DeclarationView[]>();
        for (const [sig, g] of groups) {
          const rows = await getDeclarationPagesByRegistrationIds(db, { registrationIds: g.ids, page: g.page });
          for (const id of g.ids) results.set(`${id}|${sig}`, rows.filter((r) => r.registrationId === id));
        }
        return keys.map((k) => results.get(`${k.registrationId}|${pageSignature(k.page)}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.registrationId}|${pageSignature(k.page)}` },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
