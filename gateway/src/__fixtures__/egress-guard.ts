/**
 * Preloaded (`node --import tsx --import this-file`) into a child process under test: every
 * attempt to reach a host other than loopback is written to stderr as `EGRESS-ATTEMPT <what>`
 * and refused before a packet leaves (the socket errors with ECONNREFUSED, the lookup with
 * ENOTFOUND), so that even a failing test sends nothing off the machine.
 */
import dns from 'node:dns';
import net from 'node:net';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3}|\[::1\])$/i;

function report(what: string): void {
  process.stderr.write(`EGRESS-ATTEMPT ${what}\n`);
}

function failure(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

type ConnectArgs = Parameters<net.Socket['connect']>;

/** Host and port of `socket.connect(options)`, `connect(port, host)` or `connect(path)` (an IPC path is local). */
function targetOf(args: ConnectArgs): { host: string; port: unknown } | null {
  // `net.connect()` (undici, http agents) passes its normalized arguments as one array.
  const list = (Array.isArray(args[0]) ? args[0] : args) as unknown[];
  const [first, second] = list;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; port?: unknown; path?: string };
    if (options.path !== undefined && options.path !== null) return null;
    return { host: options.host ?? 'localhost', port: options.port };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return null;
  return { host: typeof second === 'string' ? second : 'localhost', port: first };
}

// Called with each socket as `this` below, never detached from one.
// eslint-disable-next-line @typescript-eslint/unbound-method
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
  const target = targetOf(args);
  if (target === null || LOOPBACK.test(target.host)) return originalConnect.apply(this, args);
  report(`connect ${target.host}:${String(target.port)}`);
  process.nextTick(() => this.destroy(failure('ECONNREFUSED', `egress to ${target.host} blocked by the test`)));
  return this;
} as typeof originalConnect;

type LookupCallback = (err: NodeJS.ErrnoException | null, address?: string, family?: number) => void;
const originalLookup = dns.lookup;
dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  if (LOOPBACK.test(hostname)) return (originalLookup as (...a: unknown[]) => void)(hostname, ...rest);
  report(`lookup ${hostname}`);
  const callback = rest.at(-1) as LookupCallback;
  process.nextTick(() => callback(failure('ENOTFOUND', `lookup of ${hostname} blocked by the test`)));
} as typeof dns.lookup;

const originalPromiseLookup = dns.promises.lookup;
dns.promises.lookup = function guardedPromiseLookup(hostname: string, ...rest: unknown[]) {
  if (LOOPBACK.test(hostname)) return (originalPromiseLookup as (...a: unknown[]) => Promise<unknown>)(hostname, ...rest);
  report(`lookup ${hostname}`);
  return Promise.reject(failure('ENOTFOUND', `lookup of ${hostname} blocked by the test`));
} as typeof dns.promises.lookup;
