import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunnerEnv } from './env.ts';
import { EXIT, RunnerError } from './errors.ts';

export const FORMATS = ['csv', 'json', 'ndjson'] as const;
export type Format = (typeof FORMATS)[number];

export const DEFAULT_URL = 'http://localhost:4000/graphql';
/** The lists' largest page (docs/analysts.md, "Lists"). */
export const MAX_PAGE_SIZE = 100;

export const USAGE = `Usage: npm run query -- <file.graphql> [options]

  --vars <file.json>        the operation's variables (a JSON object)
  --format csv|json|ndjson  default: from --out's extension, else ndjson
  --out <file>              default: standard output (no resume)
  --url <url>               the gateway (default NOMAD_GATEWAY_URL or ${DEFAULT_URL})
  --token <jwt>             the caller's token (default NOMAD_TOKEN; prefer the variable)
  --page-size <n>           rows per page, 1 to ${MAX_PAGE_SIZE} (default: the operation's first, else ${MAX_PAGE_SIZE})
  --resume                  continue an interrupted export (re-running the same command does too)
  --quiet                   no progress on standard error
  --help                    this text
`;

export interface RunnerOptions {
  /** The operation's file, absolute. */
  file: string;
  /** The variables file, absolute, if given. */
  varsFile: string | undefined;
  format: Format;
  /** The output file, absolute; undefined writes to standard output. */
  out: string | undefined;
  url: string;
  token: string;
  pageSize: number | undefined;
  resume: boolean;
  quiet: boolean;
}

export type ParsedArguments = { help: true } | { help: false; options: RunnerOptions };

const usage = (message: string) => new RunnerError(`${message}\n\n${USAGE}`, EXIT.USAGE);

/** The format an output file's name implies, if any. */
export function formatOf(file: string): Format | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  return undefined;
}

/** Reads the command line; a mistake is a RunnerError with EXIT.USAGE and the usage text. */
export function parseArguments(argv: string[], env: RunnerEnv, cwd: string): ParsedArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        vars: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        url: { type: 'string' },
        token: { type: 'string' },
        'page-size': { type: 'string' },
        resume: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    // node:util's messages name the option ("Unknown option '--size'"), never a value.
    throw usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const base = env.initCwd ?? cwd;
  if (positionals.length !== 1 || !positionals[0]) throw usage(positionals.length === 0 ? 'Name the operation file (file.graphql).' : `One operation file, not ${positionals.length}: ${positionals.join(' ')}`);
  const out = values.out === undefined ? undefined : resolve(base, values.out);
  let format: Format;
  if (values.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(values.format)) throw usage(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}".`);
    format = values.format as Format;
  } else {
    format = (out && formatOf(out)) || 'ndjson';
  }
  let pageSize: number | undefined;
  if (values['page-size'] !== undefined) {
    const text = values['page-size'];
    pageSize = /^[0-9]+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw usage(`--page-size must be a whole number from 1 to ${MAX_PAGE_SIZE}, not "${text}".`);
  }
  if (values.resume && !out) throw usage('--resume needs --out: an export to standard output cannot be resumed.');
  const url = values.url ?? env.gatewayUrl ?? DEFAULT_URL;
  try {
    const parsedUrl = new URL(url);
    if (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw usage(`--url must be an http(s) URL, not "${url}".`);
  }
  const token = values.token ?? env.token;
  if (!token) throw usage('No token: set NOMAD_TOKEN (e.g. NOMAD_TOKEN=$(npm run -s token -- --role analyst)) or pass --token.');
  return {
    help: false,
    options: {
      file: resolve(base, positionals[0]),
      varsFile: values.vars === undefined ? undefined : resolve(base, values.vars),
      format,
      out,
      url,
      token,
      pageSize,
      resume: values.resume,
      quiet: values.quiet,
    },
  };
}
