import type { Logger } from './logger.ts';
import type { Principal } from './auth.ts';
import type { IdempotencyTables } from './idempotency.ts';

/**
 * What every resolver receives. Built fresh for each request: loaders cache per request,
 * never across users.
 */
export interface RequestContext<TLoaders, TDb> {
  principal: Principal;
  /** Why the caller reads the data (`X-Purpose`), recorded with every personal-data read. */
  purpose: string | null;
  requestId: string;
  /** `Idempotency-Key` of a retried mutation, when the client sent one. */
  idempotencyKey: string | null;
  db: TDb;
  /**
   * The analysts' pool (a read replica, or the agency's database under the analysts' statement
   * timeout), read-only: reach it through `analyticsRead`, which falls back to `db` without it.
   */
  analytics?: TDb;
  loaders: TLoaders;
  logger: Logger;
  /** The agency's remembered mutation answers, which `runMutation` records into. */
  idempotency?: IdempotencyTables;
}
