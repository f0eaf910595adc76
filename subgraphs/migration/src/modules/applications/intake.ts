import { COUNTRY_CODE, formatMoney, HOME_COUNTRY, isEmailAddress, isMinorAmount, LATIN_NAME, PASSPORT_NUMBER, toUsdMinor, userError, type UserError } from '@nomad/kit';
import { addDays, isValidDate } from '../../clock.ts';
import type { Rules } from '../rules/service.ts';
import { checkDocuments, DocumentCode, type DocumentInput } from './documents.ts';

export type { DocumentKind, DocumentInput } from './documents.ts';

export interface SubmitApplicationInput {
  applicant: {
    surname: string;
    givenNames: string;
    dateOfBirth: string;
    sex: 'MALE' | 'FEMALE';
    citizenship: string;
    passport: { country: string; number: string; expiresOn: string };
    email: string;
  };
  activityCode: string;
  foreignParties: { kind: 'EMPLOYER' | 'CLIENT'; name: string; country: string }[];
  declaredAnnualIncome: { amountMinor: number; currency: string };
  requestedStartOn: string;
  documents: DocumentInput[];
}

/** Stable codes of the intake rules (DOMAIN.md); clients switch on these. */
export const IntakeCode = {
  ...DocumentCode,
  INVALID_FORMAT: 'INVALID_FORMAT',
  CITIZENSHIP_NOT_ELIGIBLE: 'CITIZENSHIP_NOT_ELIGIBLE',
  ACTIVITY_NOT_ELIGIBLE: 'ACTIVITY_NOT_ELIGIBLE',
  INCOME_BELOW_THRESHOLD: 'INCOME_BELOW_THRESHOLD',
  CURRENCY_NOT_SUPPORTED: 'CURRENCY_NOT_SUPPORTED',
  PASSPORT_EXPIRES_TOO_SOON: 'PASSPORT_EXPIRES_TOO_SOON',
  DATE_OF_BIRTH_IN_FUTURE: 'DATE_OF_BIRTH_IN_FUTURE',
  START_DATE_IN_PAST: 'START_DATE_IN_PAST',
  START_DATE_TOO_FAR: 'START_DATE_TOO_FAR',
  FOREIGN_PARTY_REQUIRED: 'FOREIGN_PARTY_REQUIRED',
  FOREIGN_PARTY_NOT_FOREIGN: 'FOREIGN_PARTY_NOT_FOREIGN',
  DOCUMENT_MISSING: 'DOCUMENT_MISSING',
  DN_VISA_REQUIRED: 'DN_VISA_REQUIRED',
  APPLICATION_ALREADY_OPEN: 'APPLICATION_ALREADY_OPEN',
  PASSPORT_ALREADY_REGISTERED: 'PASSPORT_ALREADY_REGISTERED',
  IDENTITY_MISMATCH: 'IDENTITY_MISMATCH',
} as const;

/** Records one broken rule: its stable code, the input path it names, and the message. */
type Add = (code: string, field: string | null, message: string) => void;

/** The applicant's identity: names and passport as written in it, email, citizenship, date of birth. */
function checkApplicant(a: SubmitApplicationInput['applicant'], rules: Rules, today: string, add: Add): void {
  if (!LATIN_NAME.test(a.surname)) add(IntakeCode.INVALID_FORMAT, 'input.applicant.surname', 'Surname must be written in Latin letters as in the passport.');
  if (!LATIN_NAME.test(a.givenNames)) add(IntakeCode.INVALID_FORMAT, 'input.applicant.givenNames', 'Given names must be written in Latin letters as in the passport.');
  if (!isEmailAddress(a.email)) add(IntakeCode.INVALID_FORMAT, 'input.applicant.email', 'Email address is not valid.');
  if (!PASSPORT_NUMBER.test(a.passport.number)) add(IntakeCode.INVALID_FORMAT, 'input.applicant.passport.number', 'Passport number must be 5–20 capital letters and digits.');
  if (!COUNTRY_CODE.test(a.passport.country)) add(IntakeCode.INVALID_FORMAT, 'input.applicant.passport.country', 'Passport country must be an ISO 3166-1 alpha-3 code, e.g. KAZ.');

  if (!COUNTRY_CODE.test(a.citizenship)) {
    add(IntakeCode.INVALID_FORMAT, 'input.applicant.citizenship', 'Citizenship must be an ISO 3166-1 alpha-3 code, e.g. KAZ.');
  } else if (!rules.eligible_citizenships.includes(a.citizenship)) {
    add(IntakeCode.CITIZENSHIP_NOT_ELIGIBLE, 'input.applicant.citizenship', `Citizens of ${a.citizenship} are not eligible for the digital nomad status.`);
  }

  if (a.dateOfBirth >= today) add(IntakeCode.DATE_OF_BIRTH_IN_FUTURE, 'input.applicant.dateOfBirth', 'Date of birth must be in the past.');
}

/** The declared income: whole minor units, in a currency with a rate, at least the threshold converted to USD. */
function checkIncome(income: SubmitApplicationInput['declaredAnnualIncome'], rules: Rules, add: Add): void {
  if (!isMinorAmount(income.amountMinor)) {
    add(IntakeCode.INVALID_FORMAT, 'input.declaredAnnualIncome.amountMinor', 'Income must be a non-negative whole number of minor units.');
  } else {
    const usd = toUsdMinor(rules, income.amountMinor, income.currency);
    const threshold = toUsdMinor(rules, rules.min_annual_income.amountMinor, rules.min_annual_income.currency);
    if (usd === null) {
      add(IntakeCode.CURRENCY_NOT_SUPPORTED, 'input.declaredAnnualIncome.currency', `Income cannot be declared in ${income.currency}; use one of ${Object.keys(rules.exchange_rates_to_usd).join(', ')}.`);
    } else if (threshold !== null && usd < threshold) {
      add(IntakeCode.INCOME_BELOW_THRESHOLD, 'input.declaredAnnualIncome.amountMinor', `Declared annual income of ${formatMoney(income)} is below the minimum of ${formatMoney(rules.min_annual_income)} a year.`);
    }
  }
}

/** The requested start (not past, not too far ahead), and a passport valid to the end of the initial period from it. */
function checkStartAndPassport(input: SubmitApplicationInput, rules: Rules, today: string, add: Add): void {
  const a = input.applicant;
  const start = input.requestedStartOn;
  if (start < today) {
    add(IntakeCode.START_DATE_IN_PAST, 'input.requestedStartOn', 'The requested start date is in the past.');
  } else if (start > addDays(today, rules.max_start_delay_days)) {
    add(IntakeCode.START_DATE_TOO_FAR, 'input.requestedStartOn', `The requested start date may be at most ${rules.max_start_delay_days} days ahead.`);
  }
  const mustBeValidUntil = addDays(start < today ? today : start, rules.passport_min_validity_days);
  if (isValidDate(a.passport.expiresOn) && a.passport.expiresOn < mustBeValidUntil) {
    add(IntakeCode.PASSPORT_EXPIRES_TOO_SOON, 'input.applicant.passport.expiresOn', `The passport must be valid until at least ${mustBeValidUntil}, the end of the requested initial period.`);
  }
}

/** At least one foreign employer or client, each named and in a country other than Kyrgyzstan. */
function checkForeignParties(parties: SubmitApplicationInput['foreignParties'], add: Add): void {
  if (parties.length === 0) {
    add(IntakeCode.FOREIGN_PARTY_REQUIRED, 'input.foreignParties', 'Name at least one foreign employer or client.');
  }
  parties.forEach((p, i) => {
    if (p.name.trim().length === 0 || p.name.length > 200) add(IntakeCode.INVALID_FORMAT, `input.foreignParties.${i}.name`, 'Name must be 1–200 characters.');
    if (!COUNTRY_CODE.test(p.country)) add(IntakeCode.INVALID_FORMAT, `input.foreignParties.${i}.country`, 'Country must be an ISO 3166-1 alpha-3 code.');
    else if (p.country === HOME_COUNTRY) add(IntakeCode.FOREIGN_PARTY_NOT_FOREIGN, `input.foreignParties.${i}.country`, 'Employers and clients must be foreign: work for a Kyrgyz company is not remote work under the decree.');
  });
}

/** The documents the rules require: all of `all`, one of `oneOf` (proof of income), a DN visa where the citizenship needs one. */
function checkRequiredDocuments(input: SubmitApplicationInput, rules: Rules, add: Add): void {
  const a = input.applicant;
  const kinds = new Set(input.documents.map((d) => d.kind));
  for (const kind of rules.required_documents.all) {
    if (!kinds.has(kind)) add(IntakeCode.DOCUMENT_MISSING, 'input.documents', `A ${kind} document is required.`);
  }
  if (rules.required_documents.oneOf.length > 0 && !rules.required_documents.oneOf.some((k) => kinds.has(k))) {
    add(IntakeCode.DOCUMENT_MISSING, 'input.documents', `Proof of income is required: one of ${rules.required_documents.oneOf.join(', ')}.`);
  }
  if (rules.visa_required_citizenships.includes(a.citizenship) && !kinds.has('DN_VISA')) {
    add(IntakeCode.DN_VISA_REQUIRED, 'input.documents', `Citizens of ${a.citizenship} need a "DN" visa: list the DN_VISA document.`);
  }
}

/**
 * Checks every intake rule that needs no database lookup, and returns all broken rules at
 * once (a form shows them together). Pure: rule values come in as data. The steps run in the
 * order of the form, so the errors come back in that order.
 */
export function checkIntake(input: SubmitApplicationInput, rules: Rules, today: string): UserError[] {
  const errors: UserError[] = [];
  const add: Add = (code, field, message) => errors.push(userError(code, message, field));
  checkApplicant(input.applicant, rules, today, add);
  if (!rules.eligible_activities.some((act) => act.code === input.activityCode)) {
    add(IntakeCode.ACTIVITY_NOT_ELIGIBLE, 'input.activityCode', `Activity ${input.activityCode} is not on the decree's list of eligible activities.`);
  }
  checkIncome(input.declaredAnnualIncome, rules, add);
  checkStartAndPassport(input, rules, today, add);
  checkForeignParties(input.foreignParties, add);
  checkRequiredDocuments(input, rules, add);
  errors.push(...checkDocuments(input.documents, rules.accepted_document_languages));
  return errors;
}
