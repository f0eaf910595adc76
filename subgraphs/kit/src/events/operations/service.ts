import { hasRole, type Principal } from '../../auth.ts';
import type { KitResolverContext } from '../../graphql/resolvers.ts';
import { badUserInput, forbidden, userError, type UserError } from '../../errors.ts';
import { toConnection, toPage, type CountedConnection, type PageArgs } from '../../pagination.ts';
import { countDeliveries, getDelivery, listDeliveries, requeueDeadDelivery, type DeliveryView } from '../queries/deliveries.ts';
import { countInboxFailures, listInboxFailures } from '../queries/inbox.ts';
import type { DeliveryState, EventTables, InboxRow } from '../tables.ts';
import { isUuid } from '../../domain/index.ts';

/** What the event operations need of a request context (every subgraph's context has it). */
export type EventOperationsContext = KitResolverContext;

/**
 * Who may see and retry event deliveries. There is no operator role yet, so it is the
 * `auditor` (who already reads the access log); a dedicated role would replace it here, in
 * this one function.
 */
export function canOperateEvents(principal: Principal): boolean {
  return hasRole(principal, 'auditor');
}

function assertCanOperateEvents(principal: Principal): void {
  if (!canOperateEvents(principal)) throw forbidden('Event deliveries are visible to operators (role auditor) only.');
}

const UNDELIVERED: DeliveryState[] = ['PENDING', 'FAILED', 'DEAD'];

export async function eventDeliveriesFor(
  ctx: EventOperationsContext,
  tables: EventTables,
  args: PageArgs & { state?: DeliveryState | null },
): Promise<CountedConnection<DeliveryView>> {
  assertCanOperateEvents(ctx.principal);
  const page = toPage(args);
  const states = args.state ? [args.state] : UNDELIVERED;
  const rows = await listDeliveries(ctx.db, { tables, states, page });
  return {
    ...toConnection(rows, page, (r) => ({ key: String(r.seq), id: r.id })),
    totalCount: () => countDeliveries(ctx.db, { tables, states }),
  };
}

export async function inboxFailuresFor(ctx: EventOperationsContext, tables: EventTables, args: PageArgs): Promise<CountedConnection<InboxRow>> {
  assertCanOperateEvents(ctx.principal);
  const page = toPage(args);
  const rows = await listInboxFailures(ctx.db, { tables, page });
  return {
    ...toConnection(rows, page, (r) => ({ key: r.firstReceivedAt, id: r.eventId })),
    totalCount: () => countInboxFailures(ctx.db, { tables }),
  };
}

export interface RetryPayload {
  delivery: DeliveryView | null;
  userErrors: UserError[];
}

/** Puts a DEAD delivery back in the queue; anything else is a user error, and nothing changes. */
export async function retryEventDelivery(ctx: EventOperationsContext, tables: EventTables, args: { id: string }): Promise<RetryPayload> {
  assertCanOperateEvents(ctx.principal);
  if (!isUuid(args.id)) throw badUserInput('`id` must be a delivery id (a UUID).', 'id');
  if (await requeueDeadDelivery(ctx.db, { tables, id: args.id })) {
    return { delivery: await getDelivery(ctx.db, { tables, id: args.id }), userErrors: [] };
  }
  const current = await getDelivery(ctx.db, { tables, id: args.id });
  if (!current) return { delivery: null, userErrors: [userError('DELIVERY_NOT_FOUND', 'No delivery has this id.', 'id')] };
  return {
    delivery: null,
    userErrors: [userError('DELIVERY_NOT_DEAD', `Only a DEAD delivery can be retried; this one is ${current.state}.`, 'id')],
  };
}
