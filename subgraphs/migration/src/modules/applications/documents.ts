import { userError, type UserError } from '@nomad/kit';
import type { documentKindEnum } from '../../db/schema.ts';

export type DocumentKind = (typeof documentKindEnum.enumValues)[number];

/** A document as an applicant lists it (an application's or a dependant's). */
export interface DocumentInput<K extends string = DocumentKind> {
  kind: K;
  fileName: string;
  language: string;
  /** A TRANSLATION only: the `fileName` of the document of the same set it translates. */
  translates?: string | null;
}

/** Stable codes of the document rules (docs/domain.md, "Documents and translations"). */
export const DocumentCode = {
  INVALID_FORMAT: 'INVALID_FORMAT',
  DOCUMENT_NAME_DUPLICATE: 'DOCUMENT_NAME_DUPLICATE',
  TRANSLATION_REQUIRED: 'TRANSLATION_REQUIRED',
  TRANSLATION_LANGUAGE_NOT_ACCEPTED: 'TRANSLATION_LANGUAGE_NOT_ACCEPTED',
  TRANSLATION_TARGET_REQUIRED: 'TRANSLATION_TARGET_REQUIRED',
  TRANSLATION_TARGET_UNKNOWN: 'TRANSLATION_TARGET_UNKNOWN',
} as const;

const LANGUAGE = /^[a-z]{2}$/;
const FILE_NAME = /^[^/\\\0]{1,200}$/;

/** Kinds that are not read as text, so they need no translation: a photo (of an application's set or a dependant's). */
const NEEDS_NO_TRANSLATION: ReadonlySet<string> = new Set(['PHOTO', 'TRANSLATION']);

/**
 * The rules every set of documents follows, whoever files it. File names are unique within
 * the set (a translation names its document by file name). Every document in a language
 * other than the accepted ones (`ky`, `ru`) needs its own TRANSLATION naming it; a
 * translation must itself be in an accepted language and name a document of the set that is
 * not a translation. One translation never covers another document. Pure: returns every
 * broken rule at once, each with the input path of the document (`path.i.field`).
 */
export function checkDocuments<K extends string>(documents: readonly DocumentInput<K>[], acceptedLanguages: readonly string[], path = 'input.documents'): UserError[] {
  const errors: UserError[] = [];
  const add = (code: string, field: string, message: string) => errors.push(userError(code, message, field));
  const byName = new Map<string, DocumentInput<K>>();
  documents.forEach((d, i) => {
    if (!FILE_NAME.test(d.fileName)) add(DocumentCode.INVALID_FORMAT, `${path}.${i}.fileName`, 'File name must be 1–200 characters without slashes.');
    else if (byName.has(d.fileName)) add(DocumentCode.DOCUMENT_NAME_DUPLICATE, `${path}.${i}.fileName`, `Another document is already named "${d.fileName}": give each file its own name.`);
    else byName.set(d.fileName, d);
  });
  // Only a translation into an accepted language translates: an English "translation" covers nothing.
  const translated = new Set(documents.filter((d) => d.kind === 'TRANSLATION' && d.translates && acceptedLanguages.includes(d.language)).map((d) => d.translates));
  const accepted = acceptedLanguages.join(' or ');
  documents.forEach((d, i) => {
    if (!LANGUAGE.test(d.language)) {
      add(DocumentCode.INVALID_FORMAT, `${path}.${i}.language`, 'Language must be an ISO 639-1 code, e.g. ru.');
      return;
    }
    if (d.kind !== 'TRANSLATION') {
      if (d.translates != null) add(DocumentCode.INVALID_FORMAT, `${path}.${i}.translates`, 'Only a TRANSLATION names the document it translates.');
      if (!NEEDS_NO_TRANSLATION.has(d.kind) && !acceptedLanguages.includes(d.language) && !translated.has(d.fileName)) {
        add(DocumentCode.TRANSLATION_REQUIRED, `${path}.${i}.language`, `"${d.fileName}" is in "${d.language}": add a TRANSLATION into ${accepted} that names it in \`translates\`.`);
      }
      return;
    }
    if (!acceptedLanguages.includes(d.language)) {
      add(DocumentCode.TRANSLATION_LANGUAGE_NOT_ACCEPTED, `${path}.${i}.language`, `A translation must be into ${accepted}, not "${d.language}".`);
    }
    const target = d.translates == null ? undefined : byName.get(d.translates);
    if (d.translates == null || d.translates.trim() === '') {
      add(DocumentCode.TRANSLATION_TARGET_REQUIRED, `${path}.${i}.translates`, 'A TRANSLATION names the file it translates in `translates`.');
    } else if (!target || target.kind === 'TRANSLATION') {
      add(DocumentCode.TRANSLATION_TARGET_UNKNOWN, `${path}.${i}.translates`, `No document of this set other than a translation is named "${d.translates.slice(0, 200)}".`);
    }
  });
  return errors;
}

/** The row of a listed document (its translation target under the column's name). */
export function documentRow<K extends string>(d: DocumentInput<K>): { kind: K; fileName: string; language: string; translatesFileName: string | null } {
  return { kind: d.kind, fileName: d.fileName, language: d.language, translatesFileName: d.translates ?? null };
}
