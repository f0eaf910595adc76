/**
 * `npm run audit:verify -- [migration|labor|tax|security|ledger|all]` (default `all`)
 *
 * Checks each named log: every seal (chain, root, signature by the agency's public key), that
 * every committed record is in a seal (or younger than the seal delay plus AUDIT_GRACE_MS),
 * and that the seals match the roots anchored outside the agency (in the ledger; the ledger's
 * in migration). Prints the first problem of each log and how many more; exits 1 when any log
 * has one, 2 when it cannot run (configuration, a database out of reach).
 *
 * Databases: `<AGENCY>_DATABASE_URL` or `DATABASE_URL`, else the embedded cluster in
 * `DATA_DIR/<agency>` (the running one when the graph is up). Keys: `<AGENCY>_PUBLIC_KEY`,
 * else the development keys in `DATA_DIR/keys` (refused when NODE_ENV=production).
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AGENCY_NAMES } from '../agencies.ts';
import { connect, type Database } from '../db/database.ts';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { baseEnvShape, EnvError, parseEnv, processEnv, type EnvSource } from '../env.ts';
import { loadKeyring } from '../keys/load.ts';
import { createLogger } from '../logger.ts';
import type { AuditReport } from './audit.ts';
import { LEDGER_AGENCY, LEDGER_ANCHOR_AGENCY, LEDGER_SCOPE } from './ledger.ts';
import { verifyAgency, verifyLedger } from './verify.ts';

const SCOPES = [...AGENCY_NAMES, LEDGER_SCOPE] as const;
const pgUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');

const EnvShape = z.object({
  NODE_ENV: baseEnvShape.NODE_ENV,
  DATABASE_URL: pgUrl.optional(),
  ...Object.fromEntries(AGENCY_NAMES.map((a) => [`${a.toUpperCase()}_DATABASE_URL`, pgUrl.optional()])),
  DATA_DIR: z.string().min(1).default(path.resolve(import.meta.dirname, '../../../../.data')),
  /** Slack on top of the seal delay before an unsealed record or an unanchored seal is a problem. @default 5000 */
  AUDIT_GRACE_MS: z.coerce.number().int().nonnegative().default(5_000),
});
type AuditEnv = z.infer<typeof EnvShape> & Record<string, string | undefined>;

/** The port of the embedded cluster running on `dir` (4th line of `postmaster.pid`), or null. */
async function runningPort(dir: string): Promise<number | null> {
  try {
    const port = Number((await readFile(path.join(dir, 'postmaster.pid'), 'utf8')).split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

/** Opens an agency's database read-only in intent: its URL, the running embedded cluster, or that cluster started for the audit. */
async function openAgencyDatabase(agency: string, env: AuditEnv): Promise<Database<Record<string, unknown>>> {
  const options = { agency: `audit-${agency}`, schema: {}, maxConnections: 2 };
  const url = env[`${agency.toUpperCase()}_DATABASE_URL`] ?? env.DATABASE_URL;
  if (url) return connect(url, options);
  const dir = path.join(env.DATA_DIR, agency);
  const port = await runningPort(dir);
  if (port !== null) return connect(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`, options);
  const embedded = await startEmbeddedPostgres(dir, createLogger('audit', 'warn'));
  const db = connect(embedded.url, options);
  return { ...db, close: async () => { await db.close(); await embedded.stop(); } };
}

function print(report: AuditReport): void {
  const [first, ...rest] = report.problems;
  const summary = `${report.scope}: ${report.seals} seals, ${report.items} ${report.scope === LEDGER_SCOPE ? 'anchors' : 'records'}`;
  if (!first) {
    process.stdout.write(`${summary}: OK\n`);
    return;
  }
  process.stdout.write(`${summary}: ${first.kind.toUpperCase()}: ${first.message}${rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : ''}\n`);
}

async function main(argv: string[], source: EnvSource): Promise<number> {
  const wanted = argv.length === 0 || argv.includes('all') ? [...SCOPES] : argv;
  const unknown = wanted.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    process.stderr.write(`Usage: npm run audit:verify -- [${SCOPES.join('|')}|all]   (unknown: ${unknown.join(', ')})\n`);
    return 2;
  }
  let env: AuditEnv;
  let keyring: Awaited<ReturnType<typeof loadKeyring>>;
  try {
    env = parseEnv(EnvShape, source) as AuditEnv;
    keyring = await loadKeyring({ agency: null, env: source, production: env.NODE_ENV === 'production', dataDir: env.DATA_DIR });
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`audit:verify: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const needed = new Set<string>([LEDGER_AGENCY, ...wanted.map((s) => (s === LEDGER_SCOPE ? LEDGER_ANCHOR_AGENCY : s))]);
  const dbs = new Map<string, Database<Record<string, unknown>>>();
  try {
    for (const agency of needed) dbs.set(agency, await openAgencyDatabase(agency, env));
    const db = (agency: string) => {
      const found = dbs.get(agency);
      if (!found) throw new Error(`${agency}'s database is not open`);
      return found.db;
    };
    const options = { keyring, graceMs: env.AUDIT_GRACE_MS };
    let failed = false;
    for (const scope of wanted) {
      const report = scope === LEDGER_SCOPE ? await verifyLedger(db(LEDGER_AGENCY), db(LEDGER_ANCHOR_AGENCY), options) : await verifyAgency(scope, db(scope), db(LEDGER_AGENCY), options);
      print(report);
      failed ||= report.problems.length > 0;
    }
    return failed ? 1 : 0;
  } catch (err) {
    process.stderr.write(`audit:verify could not run: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  } finally {
    for (const d of dbs.values()) await d.close().catch(() => undefined);
  }
}

process.exit(await main(process.argv.slice(2), processEnv()));
