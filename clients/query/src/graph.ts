import { EXIT, RunnerError } from './errors.ts';

/** Error codes a retry may cure: an agency down or busy, the gateway's rate limit. */
export const TRANSIENT_CODES = new Set(['AGENCY_UNAVAILABLE', 'BUSY', 'RATE_LIMITED']);

export interface GraphErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GraphAnswer {
  data: Record<string, unknown>;
}

/** A failure worth retrying; `retryAfterMs` when the gateway said when. */
export class TransientError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

export type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<Response>;

function describe(errors: GraphErrorBody[]): string {
  return errors
    .map((e) => {
      const code = typeof e.extensions?.code === 'string' ? e.extensions.code : undefined;
      return `  ${code ?? 'ERROR'}${e.path ? ` at ${e.path.join('.')}` : ''}: ${e.message}`;
    })
    .join('\n');
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * POSTs one operation. Returns its data; throws TransientError for what a retry may cure
 * (network, HTTP 5xx and 429, AGENCY_UNAVAILABLE, BUSY) and RunnerError(GRAPH_ERROR) for the
 * rest. Any error in an answer stops the export: a row with a refused field is not written.
 * The token goes only into the Authorization header, never into a message.
 */
export async function post(fetchImpl: Fetch, url: string, token: string, body: { query: string; operationName?: string; variables: Record<string, unknown> }): Promise<GraphAnswer> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new TransientError(`cannot reach ${url}${cause}`, undefined);
  }
  const text = await response.text().catch(() => '');
  let json: { data?: Record<string, unknown> | null; errors?: GraphErrorBody[] } | undefined;
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    json = undefined;
  }
  const errors = Array.isArray(json?.errors) ? json.errors : [];
  if (response.status >= 500 || response.status === 429 || errors.some((e) => TRANSIENT_CODES.has(String(e.extensions?.code)))) {
    throw new TransientError(`the graph answered HTTP ${response.status}${errors.length > 0 ? `\n${describe(errors)}` : ''}`, retryAfter(response));
  }
  if (errors.length > 0) throw new RunnerError(`The graph refused the operation (HTTP ${response.status}):\n${describe(errors)}`, EXIT.GRAPH_ERROR);
  if (!response.ok || !json?.data) throw new RunnerError(`The graph answered HTTP ${response.status} without data.`, EXIT.GRAPH_ERROR);
  return { data: json.data };
}

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  onRetry: (attempt: number, delayMs: number, error: TransientError) => void;
}

/** Runs `fn`, retrying a TransientError with exponential backoff; the last one becomes EXIT.UNAVAILABLE. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      if (attempt >= options.attempts) throw new RunnerError(`The graph stayed unavailable after ${attempt} attempts: ${error.message}`, EXIT.UNAVAILABLE);
      const delay = Math.min(options.maxDelayMs, Math.max(error.retryAfterMs ?? 0, options.baseDelayMs * 2 ** (attempt - 1)));
      options.onRetry(attempt, delay, error);
      await options.sleep(delay);
    }
  }
}
