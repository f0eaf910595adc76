import { exponentOf, loadExisting } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Resolvers } from '../../generated/resolvers-types.ts';
import {
  applicationNumberFor,
  assertDetailsReadable,
  getApplication,
  isOverdue,
  listApplicationsFor,
  resolveApplicationReference,
  submitApplication,
  withdrawApplication,
} from './service.ts';

export function applicationResolvers(app: App): Resolvers {
  return {
    Query: {
      application: (_, args, ctx) => getApplication(ctx, args),
      applications: (_, args, ctx) => listApplicationsFor(ctx, app, args),
      eligibilityRules: async (_, _args, ctx) => {
        const rules = await ctx.loaders.rules.load('rules');
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
      },
    },
    Mutation: {
      submitApplication: (_, args, ctx) =>
        submitApplication(ctx, app, args.input),
      withdrawApplication: (_, args, ctx) =>
        withdrawApplication(ctx, app, args.input),
    },
    Application: {
      __resolveReference: (ref, ctx) => resolveApplicationReference(ctx, ref),
      number: (a, _args, ctx) => applicationNumberFor(ctx, a),
      nomad: (a, _args, ctx) => loadExisting(ctx.loaders.nomadById, a.nomadId, "An application's nomad"),
      activity: async (a, _args, ctx) => {
        const rules = await ctx.loaders.rules.load('rules');
        const found = rules.eligible_activities.find((x) => x.code === a.activityCode);
        return found ?? { code: a.activityCode, title: a.activityCode };
      },
      foreignParties: async (a, _args, ctx) => {
        await assertDetailsReadable(ctx, a, 'Application.foreignParties');
        await ctx.loaders.access.record(a.nomadId, 'Application.foreignParties', a.number);
        return a.foreignParties;
      },
      declaredIncome: async (a, _args, ctx) => {
        await assertDetailsReadable(ctx, a, 'Application.declaredIncome');
        await ctx.loaders.access.record(a.nomadId, 'Application.declaredIncome', a.number);
        return { amountMinor: a.declaredIncomeMinor, currency: a.incomeCurrency };
      },
      declaredIncomeUsd: async (a, _args, ctx) => {
        await assertDetailsReadable(ctx, a, 'Application.declaredIncomeUsd');
        await ctx.loaders.access.record(a.nomadId, 'Application.declaredIncomeUsd', a.number);
        return { amountMinor: a.declaredIncomeUsdMinor, currency: 'USD' };
      },
      overdue: (a) => isOverdue(app, a),
      documents: async (a, _args, ctx) => {
        await assertDetailsReadable(ctx, a, 'Application.documents');
        await ctx.loaders.access.record(a.nomadId, 'Application.documents', a.number);
        return ctx.loaders.documentsByApplication.load(a.id);
      },
    },
    ApplicationDocument: {
      translates: (d) => d.translatesFileName,
    },
  };
}
