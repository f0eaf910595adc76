// Run only with NOMAD_TEST_CANARY=1 (see vitest.shared.ts): `.ci/run` proves with it that a
// failing test makes `npm test` exit non-zero, whichever database the run uses.
import postgres from 'postgres';
import { expect, test } from 'vitest';
import { testServerUrl } from '@nomad/kit/testing';

test('the test database answers', async () => {
  const sql = postgres(testServerUrl(), { max: 1, onnotice: () => undefined });
  try {
    const [row] = await sql<{ one: number }[]>`select 1 as one`;
    expect(row?.one).toBe(1);
  } finally {
    await sql.end();
  }
});

test('CANARY: this test fails on purpose', () => {
  expect('a failing test').toBe('a failed run');
});
