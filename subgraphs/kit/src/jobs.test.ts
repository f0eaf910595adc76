import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { SubgraphServer } from './http/server.ts';
import { startBesideJobs, type BackgroundJob } from './jobs.ts';

/** Jobs and a server that note when they stop, in one list. */
function recorder() {
  const stopped: string[] = [];
  const job = (name: string, fails = false): BackgroundJob => ({
    stop: () => {
      stopped.push(name);
      return fails ? Promise.reject(new Error(`${name} stop failed`)) : Promise.resolve();
    },
  });
  const server: SubgraphServer = {
    url: 'http://127.0.0.1:1',
    port: 1,
    registry: new Registry(),
    routes: [],
    stop: () => {
      stopped.push('server');
      return Promise.resolve();
    },
  };
  return { stopped, job, server };
}

const failingStart = () => Promise.reject(new Error('listen EADDRINUSE'));

describe('startBesideJobs', () => {
  it('answers a server that stops the jobs in order, then itself', async () => {
    const { stopped, job, server } = recorder();
    const started = await startBesideJobs([job('first'), job('second')], () => Promise.resolve(server));
    await started.stop();
    expect(stopped).toEqual(['first', 'second', 'server']);
  });

  it('stops the jobs already running when the server fails to start, and passes the start error on', async () => {
    const { stopped, job } = recorder();
    await expect(startBesideJobs([job('first'), job('second')], failingStart)).rejects.toThrow('listen EADDRINUSE');
    expect(stopped).toEqual(['first', 'second']);
  });

  it('stops every job when one of them fails to stop, and the start error is the one passed on', async () => {
    const { stopped, job } = recorder();
    await expect(startBesideJobs([job('first', true), job('second')], failingStart)).rejects.toThrow('listen EADDRINUSE');
    expect(stopped).toEqual(['first', 'second']);
  });
});
