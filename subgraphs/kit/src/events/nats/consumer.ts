import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { Logger } from '../../logger.ts';
import type { ReceivedMessage } from '../envelope.ts';
import type { EventReceiver } from '../receive.ts';
import type { Backoff } from '../relay.ts';
import { consumerName, streamName } from './names.ts';

export interface NatsConsumerOptions {
  js: JetStreamClient;
  prefix: string;
  /** The receiving agency: it consumes its own stream. */
  agency: string;
  /** The same receiver as `POST /events` (`createEventReceiver`). */
  receive: EventReceiver;
  /** Delay before a failed event is offered again, by deliveries so far. */
  backoff: Backoff;
  logger: Logger;
}

export interface NatsConsumer {
  /** Stops after the event in flight (its transaction commits and is acknowledged, or it is offered again later). */
  stop(): Promise<void>;
}

function toReceived(msg: JsMsg): ReceivedMessage | null {
  const headers: Record<string, string> = {};
  for (const [name, values] of msg.headers ?? []) {
    const first = values[0];
    if (first !== undefined) headers[name.toLowerCase()] = first;
  }
  try {
    return { headers, body: JSON.parse(msg.string()) as unknown };
  } catch {
    return null;
  }
}

/**
 * Runs one message through the receiver and answers the broker by the outcome: ack, nak with
 * back-off, or term.
 */
async function answerBroker(msg: JsMsg, options: NatsConsumerOptions, log: Logger, stream: string): Promise<void> {
  const received = toReceived(msg);
  if (!received) {
    msg.term();
    log.warn({ stream, seq: msg.seq }, 'event message is not JSON; terminated');
    return;
  }
  const result = await options.receive(received);
  switch (result.outcome) {
    case 'processed':
    case 'duplicate':
      // Waits for the broker to confirm: a lost ack only means one more duplicate.
      await msg.ackAck().catch((err: unknown) => log.warn({ err, seq: msg.seq }, 'ack not confirmed; the event will come again as a duplicate'));
      return;
    case 'failed':
      msg.nak(Math.round(options.backoff(msg.info.deliveryCount)));
      return;
    default:
      // No reason text: servers before 2.10.4 ignore a `+TERM` that carries one and would
      // offer the event again. The receiver has logged and recorded why.
      msg.term();
  }
}

/**
 * Applies the events of the agency's durable consumer through the receiver, one at a time,
 * and answers the broker after the receiver's transaction: processed or duplicate → ack;
 * poison or not an event → term (never offered again; the inbox records it); the handler
 * failed → nak with back-off (offered again, at most the consumer's `max_deliver` times).
 * The consumer lets one event out at a time, so events apply in stream order, which is each
 * aggregate's order. Reconnects and heartbeats are the client's; if the consume loop ends
 * (stream deleted, broker away too long), it starts again after a pause.
 */
export function startNatsConsumer(options: NatsConsumerOptions): NatsConsumer {
  const log = options.logger.child({ source: 'event-consumer' });
  const stream = streamName(options.prefix, options.agency);
  let stopped = false;
  let closeMessages: (() => Promise<unknown>) | undefined;

  const handle = (msg: JsMsg) => answerBroker(msg, options, log, stream);

  const run = async () => {
    while (!stopped) {
      try {
        const consumer = await options.js.consumers.get(stream, consumerName(options.agency));
        const messages = await consumer.consume({ max_messages: 1 });
        closeMessages = () => messages.close();
        if (stopped) await messages.close();
        for await (const msg of messages) {
          await handle(msg).catch((err: unknown) => {
            // The database went away mid-event: nothing committed; the broker offers it again.
            log.error({ err, seq: msg.seq }, 'event not applied; it will be offered again');
            msg.nak(1_000);
          });
          if (stopped) break;
        }
      } catch (err) {
        if (!stopped) log.error({ err, stream }, 'event consumer interrupted; resuming');
      }
      if (!stopped) await new Promise((r) => setTimeout(r, 1_000));
    }
  };
  const running = run();
  log.info({ stream, consumer: consumerName(options.agency) }, 'event consumer started');
  return {
    async stop() {
      stopped = true;
      await closeMessages?.().catch(() => undefined);
      await running;
    },
  };
}
