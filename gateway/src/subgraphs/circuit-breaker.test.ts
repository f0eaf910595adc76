import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.ts';

function breaker() {
  const clock = { now: 1_000_000 };
  const circuit = new CircuitBreaker({ failureThreshold: 3, openMs: 10_000, now: () => clock.now });
  return { circuit, clock };
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold, and a success resets the count', () => {
    const { circuit } = breaker();
    circuit.failed();
    circuit.failed();
    circuit.succeeded();
    circuit.failed();
    circuit.failed();
    expect(circuit.state).toBe('closed');
    expect(circuit.allow()).toBe(true);
  });

  it('opens after consecutive failures and refuses calls until openMs has passed', () => {
    const { circuit, clock } = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    expect(circuit.state).toBe('open');
    expect(circuit.allow()).toBe(false);
    expect(circuit.retryAfterSeconds()).toBe(10);
    clock.now += 9_999;
    expect(circuit.allow()).toBe(false);
    expect(circuit.retryAfterSeconds()).toBe(1);
  });

  it('lets exactly one trial call through once open time is over; its success closes the circuit', () => {
    const { circuit, clock } = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    clock.now += 10_000;
    expect(circuit.allow()).toBe(true);
    expect(circuit.state).toBe('half-open');
    expect(circuit.allow()).toBe(false);
    circuit.succeeded();
    expect(circuit.state).toBe('closed');
    expect(circuit.allow()).toBe(true);
    expect(circuit.allow()).toBe(true);
  });

  it('opens again at once when the trial call fails', () => {
    const { circuit, clock } = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    clock.now += 10_000;
    expect(circuit.allow()).toBe(true);
    circuit.failed();
    expect(circuit.state).toBe('open');
    expect(circuit.allow()).toBe(false);
    expect(circuit.retryAfterSeconds()).toBe(10);
  });
});
