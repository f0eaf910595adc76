import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { deleteTopology } from '../nats/topology.ts';

/** A stream prefix no other run uses: runs on one broker never see each other's events. */
export function uniquePrefix(label: string): string {
  return `t${label}${randomBytes(4).toString('hex')}`.slice(0, 32);
}

/** Deletes the streams (and with them the consumers) of `prefix` on the broker at `url`. */
export async function deleteStreams(url: string, prefix: string): Promise<number> {
  const nc = await connect({ servers: url });
  try {
    return await deleteTopology(await jetstreamManager(nc), prefix);
  } finally {
    await nc.close();
  }
}
