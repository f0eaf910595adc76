import { exponentOf, loadExisting } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { ApplicationResolvers, MutationResolvers, QueryResolvers, Resolvers } from '../../generated/resolvers-types.ts';
import type { Rules } from '../rules/service.ts';
import {
  applicationNumberFor,
  getApplication,
  isOverdue,
  listApplicationsFor,
  readApplicationDetail,
  resolveApplicationReference,
  submitApplication,
  withdrawApplication,
} from './service.ts';

/** The rule table in the shape of `EligibilityRules`: what an applicant reads before applying. */
function eligibilityRulesOf(rules: Rules) {
  return {
    citizenships: rules.eligible_citizenships,
    visaRequiredCitizenships: rules.visa_required_citizenships,
    activities: rules.eligible_activities,
    minimumAnnualIncome: rules.min_annual_income,
    currencies: Object.keys(rules.exchange_rates_to_usd).sort(),
    exchangeRates: Object.entries(rules.exchange_rates_to_usd)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, rate]) => ({ currency, exponent: exponentOf(currency), usdPerUnit: String(rate) })),
    reviewWorkingDays: rules.review_working_days,
    correctionWindowMonths: rules.correction_window_months,
    initialPeriodDays: rules.initial_period_days,
    passportMinValidityDays: rules.passport_min_validity_days,
    maxStartDelayDays: rules.max_start_delay_days,
    requiredDocuments: rules.required_documents,
    acceptedDocumentLanguages: rules.accepted_document_languages,
    extensionYears: rules.extension_years,
    renewalWindowDays: rules.renewal_window_days,
    statusCeilingYears: rules.status_ceiling_years,
    exitDaysAfterRevocation: rules.exit_days_after_revocation,
  };
}

function applicationQueries(app: App): QueryResolvers {
  return {
    application: (_, args, ctx) => getApplication(ctx, args),
    applications: (_, args, ctx) => listApplicationsFor(ctx, app, args),
    eligibilityRules: async (_, _args, ctx) => eligibilityRulesOf(await ctx.loaders.rules.load('rules')),
  };
}

function applicationMutations(app: App): MutationResolvers {
  return {
    submitApplication: (_, args, ctx) =>
      submitApplication(ctx, app, args.input),
    withdrawApplication: (_, args, ctx) =>
      withdrawApplication(ctx, app, args.input),
  };
}

/** An application's fields; its details (parties, income, documents) are checked and recorded by the service. */
function applicationFields(app: App): ApplicationResolvers {
  return {
    __resolveReference: (ref, ctx) => resolveApplicationReference(ctx, ref),
    number: (a, _args, ctx) => applicationNumberFor(ctx, a),
    nomad: (a, _args, ctx) => loadExisting(ctx.loaders.nomadById, a.nomadId, "An application's nomad"),
    activity: async (a, _args, ctx) => {
      const rules = await ctx.loaders.rules.load('rules');
      const found = rules.eligible_activities.find((x) => x.code === a.activityCode);
      return found ?? { code: a.activityCode, title: a.activityCode };
    },
    foreignParties: (a, _args, ctx) => readApplicationDetail(ctx, a, 'Application.foreignParties', () => a.foreignParties),
    declaredIncome: (a, _args, ctx) =>
      readApplicationDetail(ctx, a, 'Application.declaredIncome', () => ({ amountMinor: a.declaredIncomeMinor, currency: a.incomeCurrency })),
    declaredIncomeUsd: (a, _args, ctx) =>
      readApplicationDetail(ctx, a, 'Application.declaredIncomeUsd', () => ({ amountMinor: a.declaredIncomeUsdMinor, currency: 'USD' })),
    overdue: (a) => isOverdue(app, a),
    documents: (a, _args, ctx) => readApplicationDetail(ctx, a, 'Application.documents', () => ctx.loaders.documentsByApplication.load(a.id)),
  };
}

export function applicationResolvers(app: App): Resolvers {
  return {
    Query: applicationQueries(app),
    Mutation: applicationMutations(app),
    Application: applicationFields(app),
    ApplicationDocument: {
      translates: (d) => d.translatesFileName,
    },
  };
}
