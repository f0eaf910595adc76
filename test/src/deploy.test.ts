/**
 * The operator's examples in deploy/: systemd units that `systemd-analyze verify` accepts,
 * each pointing at an env file and an entry point that exist; env files that set only
 * variables the services' env modules know, with values those modules accept in production.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AGENCY_DEFAULT_PORTS, AGENCY_NAMES, parseEnv, subgraphEnvSchema } from '@nomad/kit';
import { GATEWAY_ENV_KEYS, loadGatewayEnv, loadSubgraphEnv } from '@nomad/gateway';
import { builtEntry, DIST_CONDITION, launchCommand, SERVICES } from '@nomad/supervisor';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEPLOY = `${ROOT}deploy/`;
const run = promisify(execFile);

function unitFiles(): string[] {
  return readdirSync(`${DEPLOY}systemd`).filter((f) => /\.(service|target)$/.test(f));
}

/** `KEY=value` lines of an env file (comments and blank lines skipped), refusing anything else. */
function readEnvFile(name: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [i, raw] of readFileSync(`${DEPLOY}env/${name}.env`, 'utf8').split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) throw new Error(`${name}.env:${i + 1}: not KEY=value`);
    if (Object.hasOwn(vars, match[1])) throw new Error(`${name}.env:${i + 1}: ${match[1]} set twice`);
    vars[match[1]] = match[2];
  }
  return vars;
}

/** Every key of `vars` that `known` does not list. */
const unknown = (vars: Record<string, string>, known: readonly string[]) => Object.keys(vars).filter((k) => !known.includes(k));

describe('deploy/', () => {
  it('has systemd units that systemd-analyze verify accepts without a word', async () => {
    const units = unitFiles();
    expect(units.sort()).toEqual(['nomad-gateway.service', 'nomad-subgraph@.service', 'nomad.target']);
    const { stdout, stderr } = await run('systemd-analyze', ['verify', ...units.map((u) => `./${u}`)], { cwd: `${DEPLOY}systemd` });
    expect(stderr).toBe('');
    expect(stdout).toBe('');
  });

  it('points every unit at an env file of deploy/env and at the build of a service entry, run as the supervisor runs it in production', () => {
    const services = unitFiles().filter((u) => u.endsWith('.service'));
    expect(services.length).toBeGreaterThan(0);
    for (const unit of services) {
      const text = readFileSync(`${DEPLOY}systemd/${unit}`, 'utf8');
      const envFile = /^EnvironmentFile=\/etc\/nomad\/(.+)\.env$/m.exec(text)?.[1];
      const exec = /^ExecStart=\/usr\/bin\/node (.+)$/m.exec(text)?.[1]?.split(' ');
      expect(envFile, unit).toBeDefined();
      expect(exec, unit).toBeDefined();
      // Plain node on the build: the export condition that resolves the workspace packages to dist/, then the entry.
      expect(exec?.[0], unit).toBe(`--conditions=${DIST_CONDITION}`);
      expect(exec?.length, unit).toBe(2);
      const entry = exec?.[1] ?? '';
      // A template unit (`@`) serves every agency: `%i` is the agency.
      const instances = unit.includes('@') ? [...AGENCY_NAMES] : ['gateway'];
      for (const instance of instances) {
        expect(existsSync(`${DEPLOY}env/${(envFile ?? '').replace('%i', instance)}.env`), `${unit} ${instance}`).toBe(true);
        const spec = SERVICES.find((s) => s.name === instance);
        expect(spec, `${unit} ${instance}`).toBeDefined();
        if (!spec) continue;
        // The build of the source the supervisor starts, with the node flags it gives in production.
        expect(entry.replace('%i', instance), `${unit} ${instance}`).toBe(builtEntry(spec.entry));
        expect(existsSync(`${ROOT}${spec.entry}`), `${unit} ${instance}`).toBe(true);
        const supervised = launchCommand(spec, ROOT, 'dist').args;
        expect(supervised[0]).toBe(exec?.[0]);
        expect(supervised.at(-1)).toBe(`${ROOT}${builtEntry(spec.entry)}`);
      }
    }
  });

  it('sets in each agency env file only what the subgraph env module knows, with values it accepts in production', () => {
    expect(AGENCY_NAMES.length).toBeGreaterThan(0);
    for (const agency of AGENCY_NAMES) {
      const vars = readEnvFile(agency);
      const schema = subgraphEnvSchema(agency, AGENCY_DEFAULT_PORTS[agency]);
      expect(unknown(vars, Object.keys(schema.in.shape)), agency).toEqual([]);
      expect(vars.NODE_ENV).toBe('production');
      const env = parseEnv(schema, vars);
      expect(env.events.transport).toBe('nats');
      expect(env.port).toBe(AGENCY_DEFAULT_PORTS[agency]);
    }
  });

  it('sets in the gateway env file only what the gateway knows, with values it accepts in production, and the credentials the agencies expect', () => {
    const vars = readEnvFile('gateway');
    const perSubgraph = AGENCY_NAMES.flatMap((a) => [`${a.toUpperCase()}_URL`, `${a.toUpperCase()}_GATEWAY_SECRET`]);
    expect(unknown(vars, [...GATEWAY_ENV_KEYS, ...perSubgraph])).toEqual([]);
    const env = loadGatewayEnv(vars);
    expect(env.NODE_ENV).toBe('production');
    const subgraphs = loadSubgraphEnv(AGENCY_NAMES, env.NODE_ENV, vars);
    for (const agency of AGENCY_NAMES) {
      const key = `${agency.toUpperCase()}_GATEWAY_SECRET`;
      expect(subgraphs.credentials[agency], agency).toBe(readEnvFile(agency)[key]);
    }
  });
});
