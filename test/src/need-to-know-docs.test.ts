import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { needToKnowMarkdown, ROLES, type NeedToKnowTable } from '@nomad/kit';
import { NEED_TO_KNOW as LABOR, PERSONAL_FIELDS as LABOR_FIELDS } from '@nomad/labor';
import { NEED_TO_KNOW as MIGRATION, PERSONAL_FIELDS as MIGRATION_FIELDS } from '@nomad/migration';
import { NEED_TO_KNOW as SECURITY, PERSONAL_FIELDS as SECURITY_FIELDS } from '@nomad/security';
import { NEED_TO_KNOW as TAX, PERSONAL_FIELDS as TAX_FIELDS } from '@nomad/tax';
import { REPO_ROOT } from './doc-examples.ts';

// The need-to-know tables the services read are the ones docs/security.md shows: each agency's
// block between `<!-- need-to-know:<agency> -->` and `<!-- /need-to-know -->` is the table as
// `needToKnowMarkdown` renders it, so that the two cannot diverge.
const TABLES: Record<string, { table: NeedToKnowTable; fields: Record<string, unknown> }> = {
  migration: { table: MIGRATION, fields: MIGRATION_FIELDS },
  labor: { table: LABOR, fields: LABOR_FIELDS },
  tax: { table: TAX, fields: TAX_FIELDS },
  security: { table: SECURITY, fields: SECURITY_FIELDS },
};

describe('the need-to-know tables', () => {
  it('cover every personal field of each agency, and nothing else', () => {
    expect(Object.keys(TABLES).length).toBe(4);
    for (const [agency, { table, fields }] of Object.entries(TABLES)) {
      expect(Object.keys(fields).length, agency).toBeGreaterThan(0);
      expect(Object.keys(table).sort(), agency).toEqual(Object.keys(fields).sort());
    }
  });

  it('are shown in docs/security.md exactly as the services read them', async () => {
    const doc = await readFile(`${REPO_ROOT}docs/security.md`, 'utf8');
    for (const [agency, { table }] of Object.entries(TABLES)) {
      const block = new RegExp(`<!-- need-to-know:${agency} -->\\n([\\s\\S]*?)\\n<!-- /need-to-know -->`).exec(doc);
      expect(block?.[1], `docs/security.md has no need-to-know block for ${agency}`).toBeDefined();
      expect(block?.[1], `docs/security.md's ${agency} table differs from subgraphs/${agency}/src/policy.ts`).toBe(needToKnowMarkdown(table, ROLES));
    }
  });
});
