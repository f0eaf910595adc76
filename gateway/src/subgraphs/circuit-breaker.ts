export interface CircuitBreakerOptions {
  /**
   * Consecutive failed calls (refused, timed out, 502/503/504) that open the circuit.
   * @default 5
   */
  failureThreshold: number;
  /**
   * How long an open circuit refuses calls before it lets one trial call through.
   * @default 10_000 // 10 seconds
   */
  openMs: number;
  /** The clock; tests move it by hand. @default Date.now */
  now?: () => number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * One per subgraph. Closed, calls go through; after `failureThreshold` consecutive failures
 * it opens and calls fail at once, without a connection or a timeout to wait for; after
 * `openMs` one trial call goes through (half-open): its success closes the circuit, its
 * failure opens it again. A subgraph that is down thus costs its callers nothing but the
 * error, and comes back by itself.
 */
export class CircuitBreaker {
  #state: CircuitState = 'closed';
  #failures = 0;
  #openUntil = 0;
  #trialInFlight = false;
  readonly #options: Required<CircuitBreakerOptions>;

  constructor(options: CircuitBreakerOptions) {
    this.#options = { now: Date.now, ...options };
  }

  get state(): CircuitState {
    return this.#state;
  }

  /** Whether a call may go out now. In half-open state only the one trial call may. */
  allow(): boolean {
    if (this.#state === 'closed') return true;
    if (this.#state === 'open') {
      if (this.#options.now() < this.#openUntil) return false;
      this.#state = 'half-open';
      this.#trialInFlight = false;
    }
    if (this.#trialInFlight) return false;
    this.#trialInFlight = true;
    return true;
  }

  /** Seconds until the circuit lets a call through again (0 when it does now). */
  retryAfterSeconds(): number {
    if (this.#state !== 'open') return 0;
    return Math.max(0, Math.ceil((this.#openUntil - this.#options.now()) / 1000));
  }

  succeeded(): void {
    this.#state = 'closed';
    this.#failures = 0;
    this.#trialInFlight = false;
  }

  failed(): void {
    this.#failures++;
    if (this.#state === 'half-open' || this.#failures >= this.#options.failureThreshold) {
      this.#state = 'open';
      this.#openUntil = this.#options.now() + this.#options.openMs;
      this.#trialInFlight = false;
    }
  }
}
