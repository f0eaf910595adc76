// The rules of a dependant that need no database (docs/domain.md, "Family members"): the input
// of `addDependant`, its stable codes, and the checks run before any row is read.
import { COUNTRY_CODE, LATIN_NAME, PASSPORT_NUMBER, userError, type UserError } from '@nomad/kit';
import { isValidDate } from '../../clock.ts';
import type { DependantDocumentRow, DependantRow } from '../../db/schema.ts';
import { checkDocuments, type DocumentInput } from '../applications/documents.ts';
import type { Rules } from '../rules/service.ts';
import { CHILD_AGE_LIMIT_YEARS, birthdayOn, isUnder } from './derive.ts';

export type DependantRelation = DependantRow['relation'];
export type DependantDocumentKind = DependantDocumentRow['kind'];

export interface AddDependantInput {
  relation: DependantRelation;
  surname: string;
  givenNames: string;
  dateOfBirth: string;
  sex: 'MALE' | 'FEMALE';
  citizenship: string;
  passport: { country: string; number: string; expiresOn: string };
  documents: DocumentInput<DependantDocumentKind>[];
}

/** Stable codes of the dependant rules (docs/domain.md, "Family members"). */
export const DependantCode = {
  INVALID_FORMAT: 'INVALID_FORMAT',
  DATE_OF_BIRTH_IN_FUTURE: 'DATE_OF_BIRTH_IN_FUTURE',
  CHILD_NOT_UNDER_18: 'CHILD_NOT_UNDER_18',
  PASSPORT_EXPIRED: 'PASSPORT_EXPIRED',
  CERTIFICATE_REQUIRED: 'CERTIFICATE_REQUIRED',
  PRINCIPAL_NOT_ELIGIBLE: 'PRINCIPAL_NOT_ELIGIBLE',
  DEPENDANT_ALREADY_ADDED: 'DEPENDANT_ALREADY_ADDED',
  DEPENDANT_NOT_FOUND: 'DEPENDANT_NOT_FOUND',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  PRINCIPAL_STATUS_NOT_ACTIVE: 'PRINCIPAL_STATUS_NOT_ACTIVE',
  REASON_REQUIRED: 'REASON_REQUIRED',
  ZHAAK_UNAVAILABLE: 'ZHAAK_UNAVAILABLE',
  DEPENDANT_SCREENING_PENDING: 'DEPENDANT_SCREENING_PENDING',
  DEPENDANT_SCREENING_FLAGGED: 'DEPENDANT_SCREENING_FLAGGED',
} as const;

/** The certificate each relation needs: the marriage certificate for a spouse, the birth certificate for a child. */
export const CERTIFICATE: Record<DependantRelation, DependantDocumentKind> = { SPOUSE: 'MARRIAGE_CERTIFICATE', CHILD: 'BIRTH_CERTIFICATE' };

/**
 * Every rule of `addDependant` that needs no database, all broken ones at once: names in Latin
 * letters, a real birth date in the past, a child under 18 on the day added, a passport valid
 * today, the relation's certificate, and each foreign-language document translated on its own
 * (the applications' rule, `checkDocuments`).
 */
export function checkDependant(input: AddDependantInput, rules: Pick<Rules, 'accepted_document_languages'>, today: string): UserError[] {
  const errors: UserError[] = [];
  const add = (code: string, field: string, message: string) => errors.push(userError(code, message, field));
  if (!LATIN_NAME.test(input.surname)) add(DependantCode.INVALID_FORMAT, 'input.surname', 'Surname must be written in Latin letters as in the passport.');
  if (!LATIN_NAME.test(input.givenNames)) add(DependantCode.INVALID_FORMAT, 'input.givenNames', 'Given names must be written in Latin letters as in the passport.');
  if (!COUNTRY_CODE.test(input.citizenship)) add(DependantCode.INVALID_FORMAT, 'input.citizenship', 'Citizenship must be an ISO 3166-1 alpha-3 code, e.g. KAZ.');
  if (!COUNTRY_CODE.test(input.passport.country)) add(DependantCode.INVALID_FORMAT, 'input.passport.country', 'Passport country must be an ISO 3166-1 alpha-3 code, e.g. KAZ.');
  if (!PASSPORT_NUMBER.test(input.passport.number)) add(DependantCode.INVALID_FORMAT, 'input.passport.number', 'Passport number must be 5–20 capital letters and digits.');
  if (!isValidDate(input.dateOfBirth)) add(DependantCode.INVALID_FORMAT, 'input.dateOfBirth', 'Date of birth must be a calendar date, YYYY-MM-DD.');
  else if (input.dateOfBirth >= today) add(DependantCode.DATE_OF_BIRTH_IN_FUTURE, 'input.dateOfBirth', 'Date of birth must be in the past.');
  else if (input.relation === 'CHILD' && !isUnder(input.dateOfBirth, CHILD_AGE_LIMIT_YEARS, today)) {
    add(DependantCode.CHILD_NOT_UNDER_18, 'input.dateOfBirth', `A child is a dependant only under ${CHILD_AGE_LIMIT_YEARS}; this child turned ${CHILD_AGE_LIMIT_YEARS} on ${birthdayOn(input.dateOfBirth, CHILD_AGE_LIMIT_YEARS)} and may apply on their own.`);
  }
  if (!isValidDate(input.passport.expiresOn)) add(DependantCode.INVALID_FORMAT, 'input.passport.expiresOn', 'Passport expiry must be a calendar date, YYYY-MM-DD.');
  else if (input.passport.expiresOn <= today) add(DependantCode.PASSPORT_EXPIRED, 'input.passport.expiresOn', 'The passport has expired.');
  const certificate = CERTIFICATE[input.relation];
  if (!input.documents.some((d) => d.kind === certificate)) {
    add(DependantCode.CERTIFICATE_REQUIRED, 'input.documents', `A ${input.relation.toLowerCase()} needs the ${certificate === 'MARRIAGE_CERTIFICATE' ? 'marriage' : 'birth'} certificate: list a ${certificate} document.`);
  }
  errors.push(...checkDocuments(input.documents, rules.accepted_document_languages));
  return errors;
}
