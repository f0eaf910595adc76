import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from './logger.ts';
import { describeError, describeErrorBriefly, statementName } from './safe-error.ts';

/** Shaped as postgres.js and drizzle 0.45 build them (read by property, as the serializer does). */
function databaseError(): Error {
  const pg = Object.assign(new Error('invalid input syntax for type uuid: "Asel Nurlanova"'), {
    name: 'PostgresError',
    code: '22P02',
    severity: 'ERROR',
    detail: 'Failing row contains (Asel Nurlanova).',
    query: 'insert into "migration"."nomads" ("surname") values ($1)',
    parameters: ['Asel Nurlanova'],
    table_name: 'nomads',
  });
  return Object.assign(new Error('Failed query: insert into "migration"."nomads" ("surname") values ($1)\nparams: Asel Nurlanova', { cause: pg }), {
    name: 'DrizzleQueryError',
    query: 'insert into "migration"."nomads" ("surname") values ($1)',
    params: ['Asel Nurlanova'],
  });
}

describe('describeError', () => {
  it('names a database error by SQLSTATE, statement and table, never its message, parameters or detail', () => {
    const described = describeError(databaseError());
    expect(JSON.stringify(described)).not.toContain('Asel');
    expect(described).toMatchObject({ type: 'DrizzleQueryError', statement: 'insert migration.nomads', cause: { code: '22P02', table: 'nomads' } });
    expect(describeErrorBriefly(databaseError())).toBe('database error (SQLSTATE 22P02, insert migration.nomads)');
  });

  it('describes a zod error by its issues, never the value received', () => {
    const result = z.object({ kind: z.enum(['A', 'B']) }).safeParse({ kind: 'Asel Nurlanova' });
    expect(result.success).toBe(false);
    const described = describeError(result.error);
    expect(JSON.stringify(described)).not.toContain('Asel');
    expect(described.issues).toEqual([{ path: 'kind', code: 'invalid_value' }]);
  });

  it('names statements by verb and first table', () => {
    expect(statementName('select "id" from "labor"."cases" where "id" = $1')).toBe('select labor.cases');
    expect(statementName('update "tax"."registrations" set "state" = $1')).toBe('update tax.registrations');
    expect(statementName('delete from access_log')).toBe('delete access_log');
    expect(statementName(42)).toBeUndefined();
  });

  it('is the logger\'s serializer for err and error, and the logger redacts inputs and parameters', () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger('test', 'info', { destination });
    logger.error({ err: databaseError() }, 'failed');
    logger.error({ error: databaseError(), input: { surname: 'Asel Nurlanova' }, parameters: ['Asel Nurlanova'] }, 'failed');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain('Asel');
    expect(lines[0]).toContain('insert migration.nomads');
  });
});
