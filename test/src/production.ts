/**
 * The production start, as an operator runs it: `npm run build`, then the supervisor's build on
 * plain node (`node --conditions=nomad-dist supervisor/dist/main.js`, i.e. `npm run
 * start:prod`) with NODE_ENV=production and every secret and key given in the environment
 * (production refuses the development ones). Used by the production start test and by
 * `npm run bench -- rss`; `startSourceStack` is the same graph under `npm start` (tsx).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGENCY_NAMES, DEV_JWT_SECRET, freePort, publicPemOf, signToken, type Role } from '@nomad/kit';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npm run build` (turbo: a package whose sources did not change comes from its cache). @throws with the build's output */
export function buildAll(): void {
  const res = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
  if (res.status !== 0) throw new Error(`npm run build failed:\n${res.stdout.slice(-3000)}\n${res.stderr.slice(-3000)}`);
}

/** A secret as an operator would make one (`openssl rand -base64 36`). */
const secret = () => randomBytes(36).toString('base64');

/**
 * Everything a production start needs, as environment variables: NODE_ENV=production, a JWT
 * secret, a service secret, the analysts' pseudonym key and one gateway credential per agency, every agency's Ed25519
 * signing key and everyone's public keys; each service on a free port, the embedded clusters in
 * `dataDir`, sample data seeded (SEED=true: production does not seed by default).
 */
export async function productionEnv(dataDir: string): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SEED: 'true',
    DATA_DIR: dataDir,
    JWT_SECRET: secret(),
    SERVICE_SECRET: secret(),
    PSEUDONYM_KEY: secret(),
    GATEWAY_PORT: String(await freePort()),
  };
  for (const agency of AGENCY_NAMES) {
    const A = agency.toUpperCase();
    const port = await freePort();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    env[`${A}_PORT`] = String(port);
    env[`${A}_URL`] = `http://127.0.0.1:${port}/graphql`;
    env[`${A}_EVENTS_URL`] = `http://127.0.0.1:${port}/events`;
    env[`${A}_GATEWAY_SECRET`] = secret();
    env[`${A}_SIGNING_KEY`] = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    env[`${A}_PUBLIC_KEY`] = publicPemOf(publicKey);
  }
  return env;
}

/** The development counterpart: no secret set, development keys, sample data by default. */
async function developmentEnv(dataDir: string): Promise<Record<string, string>> {
  const env: Record<string, string> = { NODE_ENV: 'development', LOG_LEVEL: 'warn', DATA_DIR: dataDir, GATEWAY_PORT: String(await freePort()) };
  for (const agency of AGENCY_NAMES) {
    const A = agency.toUpperCase();
    const port = await freePort();
    env[`${A}_PORT`] = String(port);
    env[`${A}_URL`] = `http://127.0.0.1:${port}/graphql`;
    env[`${A}_EVENTS_URL`] = `http://127.0.0.1:${port}/events`;
  }
  return env;
}

export interface StackAnswer {
  status: number;
  body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
}

export interface Stack {
  /** The supervisor process. */
  child: ChildProcess;
  env: Record<string, string>;
  gateway: string;
  /** Everything the supervisor and its services wrote. */
  output: () => string;
  /** Resolves with the supervisor's exit code. */
  exited: Promise<number | null>;
  /** A token the stack accepts (signed with its JWT secret), with extra claims if given (a nomad's `nomadId`). */
  token: (roles: Role[], claims?: { nomadId?: string }) => Promise<string>;
  /** POSTs a query to the gateway and returns the parsed body. */
  query: (token: string, query: string, headers?: Record<string, string>) => Promise<StackAnswer>;
  /** POSTs any body, e.g. a registered operation's `{ documentId, variables }` (production runs only those, but for analysts). */
  post: (token: string, body: Record<string, unknown>, headers?: Record<string, string>) => Promise<StackAnswer>;
  /** SIGTERM to the supervisor; resolves with its exit code. Removes the data folder. */
  stop: () => Promise<number | null>;
}

export const PRODUCTION_START = ['--conditions=nomad-dist', 'supervisor/dist/main.js'];
export const SOURCE_START = ['--import', 'tsx', 'supervisor/src/main.ts'];

/**
 * Starts the built graph as `npm run start:prod` does, in production, and waits for the
 * gateway's /ready; `extraEnv` adds to (or overrides) its environment, e.g. `RATE_LIMIT: 'off'`.
 */
export async function startProductionStack(extraEnv: Record<string, string> = {}): Promise<Stack> {
  return startStack(PRODUCTION_START, withEnv(productionEnv, extraEnv));
}

/**
 * Starts the graph as `npm start` does once it has built: plain node over the build, with the
 * development defaults (development keys, sample data), and waits for /ready; `extraEnv` adds
 * to (or overrides) its environment, e.g. `SEED: 'false'`.
 */
export async function startNpmStartStack(extraEnv: Record<string, string> = {}): Promise<Stack> {
  return startStack(PRODUCTION_START, withEnv(developmentEnv, extraEnv));
}

/** Starts the graph as `npm run start:source` does (tsx over the sources, development) and waits for /ready. */
export async function startSourceStack(extraEnv: Record<string, string> = {}): Promise<Stack> {
  return startStack(SOURCE_START, withEnv(developmentEnv, extraEnv));
}

function withEnv(makeEnv: (dataDir: string) => Promise<Record<string, string>>, extraEnv: Record<string, string>) {
  return async (dataDir: string) => ({ ...(await makeEnv(dataDir)), ...extraEnv });
}

async function startStack(args: string[], makeEnv: (dataDir: string) => Promise<Record<string, string>>): Promise<Stack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'nomad-stack-'));
  // The embedded clusters run as user postgres: it must reach the folder.
  await chmod(dataDir, 0o755);
  const env = await makeEnv(dataDir);
  // The embedded clusters are what is under test: drop any server URL CI gave the test run.
  const { DATABASE_URL: _a, NOMAD_TEST_PG_URL: _b, NODE_OPTIONS: _c, ...base } = process.env;
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const gateway = `http://127.0.0.1:${env.GATEWAY_PORT}`;
  const jwtSecret = env.JWT_SECRET ?? DEV_JWT_SECRET;
  let stopped: Promise<number | null> | undefined;
  const stack: Stack = {
    child,
    env,
    gateway,
    output: () => out,
    exited,
    token: (roles, claims = {}) => signToken(jwtSecret, { roles, ...claims }),
    query: (token, query, headers = {}) => stack.post(token, { query }, headers),
    post: async (token, body, headers = {}) => {
      const res = await fetch(`${gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as StackAnswer['body'] };
    },
    stop: () =>
      (stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const code = await exited;
        await rm(dataDir, { recursive: true, force: true });
        return code;
      })()),
  };
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the supervisor exited with ${child.exitCode}:\n${out.slice(-4000)}`);
    if (await fetch(`${gateway}/ready`).then((r) => r.status === 200, () => false)) return stack;
    if (Date.now() > deadline) {
      await stack.stop();
      throw new Error(`${gateway}/ready did not answer 200 in 240 s:\n${out.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A process as /proc tells it without reading its memory: cheap enough to read every second. */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** `/proc/<pid>/comm`, e.g. `node`, `postgres`. */
  name: string;
  argv: string[];
  /** CPU time so far, user plus system, ms (`/proc/<pid>/stat`'s clock ticks, USER_HZ 100 on Linux). */
  cpuMs: number;
}

export interface ProcessInfo extends ProcessEntry {
  /** Resident set (VmRSS), bytes. */
  rss: number;
  /** Proportional set size (shared pages divided among their sharers), bytes. */
  pss: number;
}

/** Clock ticks per second of `/proc/<pid>/stat`'s times (USER_HZ). */
const TICKS_PER_SECOND = 100;

function readEntry(pid: number): ProcessEntry {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name: state, ppid, …, utime (12th), stime (13th).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
  const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  return { pid, ppid, name, argv, cpuMs };
}

/** The entry and its memory: `smaps_rollup` (for PSS) costs the reader about a millisecond per process, most of a read of /proc. */
function readProcess(pid: number): ProcessInfo {
  const kib = (text: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
  const rss = kib(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
  const pss = kib(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
  return { ...readEntry(pid), rss, pss };
}

/** `read` of every process of the machine this user may read, from /proc; one that ends meanwhile is left out. */
function readAll<P>(read: (pid: number) => P): P[] {
  const found: P[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      found.push(read(Number(d)));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Every process of the machine this user may read, with its memory. */
export function allProcesses(): ProcessInfo[] {
  return readAll(readProcess);
}

/** Every process of the machine this user may read, without its memory (see `readProcess`). */
export function allProcessEntries(): ProcessEntry[] {
  return readAll(readEntry);
}

/**
 * `root` and every process below it (children, grandchildren: the services, their embedded
 * PostgreSQL servers and backends, the clusters' watchdogs), from `all` (by default read from /proc).
 */
export function processTree(root: number): ProcessInfo[];
export function processTree<P extends ProcessEntry>(root: number, all: P[]): P[];
export function processTree(root: number, all: ProcessEntry[] = allProcesses()): ProcessEntry[] {
  const tree: ProcessEntry[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    const self = all.find((p) => p.pid === pid);
    if (self) tree.push(self);
    queue.push(...all.filter((p) => p.ppid === pid).map((p) => p.pid));
  }
  return tree;
}
