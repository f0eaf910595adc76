import type { AnyDomainEvent, DomainEvent } from '../catalog.ts';
import type { EventTransport } from '../transport.ts';

export interface Sent {
  subscriber: string;
  event: AnyDomainEvent;
}

/** A transport that records what it is given; `fail` decides which deliveries throw. */
export function memoryTransport(fail: (subscriber: string, event: DomainEvent) => string | null = () => null) {
  const sent: Sent[] = [];
  const transport: EventTransport = {
    deliver(subscriber, event) {
      const error = fail(subscriber, event);
      if (error) return Promise.reject(new Error(error));
      sent.push({ subscriber, event: event as AnyDomainEvent });
      return Promise.resolve();
    },
  };
  return { transport, sent };
}
