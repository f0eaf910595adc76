import { describe, expect, it } from 'vitest';
import { DEFAULT_URL, parseArguments, type RunnerOptions } from './args.ts';
import type { RunnerEnv } from './env.ts';
import { EXIT, RunnerError } from './errors.ts';

const env: RunnerEnv = { gatewayUrl: undefined, token: 'env-token', initCwd: undefined };

function options(argv: string[], e = env): RunnerOptions {
  const parsed = parseArguments(argv, e, '/work');
  if (parsed.help) throw new Error('help');
  return parsed.options;
}

function refusal(argv: string[], e = env): RunnerError {
  try {
    parseArguments(argv, e, '/work');
  } catch (error) {
    if (error instanceof RunnerError) return error;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('parseArguments', () => {
  it('defaults: NDJSON to standard output at the local gateway, the token from NOMAD_TOKEN', () => {
    expect(options(['q.graphql'])).toEqual({
      file: '/work/q.graphql',
      varsFile: undefined,
      format: 'ndjson',
      out: undefined,
      url: DEFAULT_URL,
      token: 'env-token',
      pageSize: undefined,
      resume: false,
      quiet: false,
    });
  });

  it('takes the format from --out, --format over it, paths from where npm run was typed (INIT_CWD)', () => {
    expect(options(['q.graphql', '--out', 'rows.csv']).format).toBe('csv');
    expect(options(['q.graphql', '--out', 'rows.json']).format).toBe('json');
    expect(options(['q.graphql', '--out', 'rows.jsonl']).format).toBe('ndjson');
    expect(options(['q.graphql', '--out', 'rows.txt']).format).toBe('ndjson');
    expect(options(['q.graphql', '--out', 'rows.csv', '--format', 'json']).format).toBe('json');
    const o = options(['q.graphql', '--vars', 'v.json', '--out', 'out/rows.csv'], { ...env, initCwd: '/home/ana' });
    expect([o.file, o.varsFile, o.out]).toEqual(['/home/ana/q.graphql', '/home/ana/v.json', '/home/ana/out/rows.csv']);
  });

  it('takes --url over NOMAD_GATEWAY_URL, --token over NOMAD_TOKEN, --page-size, --resume, --quiet', () => {
    const o = options(['q.graphql', '--url', 'https://graph.example/graphql', '--token', 'flag-token', '--page-size', '25', '--resume', '--out', 'r.csv', '--quiet'], {
      ...env,
      gatewayUrl: 'http://other:4000/graphql',
    });
    expect([o.url, o.token, o.pageSize, o.resume, o.quiet]).toEqual(['https://graph.example/graphql', 'flag-token', 25, true, true]);
    expect(options(['q.graphql'], { ...env, gatewayUrl: 'http://other:4000/graphql' }).url).toBe('http://other:4000/graphql');
  });

  it('refuses bad arguments with EXIT.USAGE, a message naming the problem and the usage text', () => {
    const cases: [string[], RegExp, RunnerEnv?][] = [
      [[], /Name the operation file/],
      [['a.graphql', 'b.graphql'], /One operation file, not 2/],
      [['q.graphql', '--format', 'xlsx'], /--format must be one of csv, json, ndjson, not "xlsx"/],
      [['q.graphql', '--page-size', '0'], /--page-size must be a whole number from 1 to 100, not "0"/],
      [['q.graphql', '--page-size', '101'], /--page-size must be a whole number from 1 to 100, not "101"/],
      [['q.graphql', '--page-size', '2.5'], /--page-size/],
      [['q.graphql', '--resume'], /--resume needs --out/],
      [['q.graphql', '--url', 'ftp://x'], /--url must be an http\(s\) URL/],
      [['q.graphql', '--size', '3'], /Unknown option '--size'/],
      [['q.graphql'], /No token: set NOMAD_TOKEN/, { ...env, token: undefined }],
    ];
    expect(cases.length).toBeGreaterThan(0);
    for (const [argv, message, e] of cases) {
      const error = refusal(argv, e);
      expect(error.exitCode, argv.join(' ')).toBe(EXIT.USAGE);
      expect(error.message).toMatch(message);
      expect(error.message).toContain('Usage: npm run query');
    }
  });

  it('never puts the token into a message', () => {
    const error = refusal(['q.graphql', '--token', 'secret-jwt', '--format', 'xlsx']);
    expect(error.message).not.toContain('secret-jwt');
  });

  it('answers --help', () => {
    expect(parseArguments(['--help'], env, '/work')).toEqual({ help: true });
  });
});
