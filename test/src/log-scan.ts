import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@nomad/kit';

/**
 * Captures every service's log lines in memory, written through the same `createLogger` the
 * services use in production (its redaction and error serializers included), so that a test
 * can look for personal data in them afterwards. Pass `capture.loggerFor(name)` wherever a
 * service takes a logger (`startGraph({ logs })` does it for the whole graph), run the hostile
 * or fuzzing part, then `expectNoMarkers(capture, markers)`.
 */
export interface LogCapture {
  /** A logger at `debug` for one service; its lines are kept with the service's name. */
  loggerFor(service: string): Logger;
  /** Every line written so far, as written (JSON text). */
  lines(): readonly { service: string; line: string }[];
}

export function captureLogs(level: string = 'debug'): LogCapture {
  const kept: { service: string; line: string }[] = [];
  return {
    loggerFor(service) {
      let pending = '';
      const destination = new Writable({
        write(chunk: Buffer | string, _encoding, done) {
          pending += chunk.toString();
          const parts = pending.split('\n');
          pending = parts.pop() ?? '';
          for (const line of parts) if (line) kept.push({ service, line });
          done();
        },
      });
      return createLogger(service, level, { destination });
    },
    lines: () => kept,
  };
}

/**
 * A personal-data marker no service would write on its own: a run of capital letters (valid in
 * a Latin name, a place, a passport number, a free text) that a log line can only contain if a
 * value was copied into it.
 */
export function personalMarker(prefix = 'PII'): string {
  const letters = [...randomBytes(10)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  return `${prefix.toUpperCase()}${letters}`;
}

export interface MarkerHit {
  service: string;
  marker: string;
  line: string;
}

/**
 * Every line that contains one of `markers`, compared without case and with JSON escapes
 * undone (a value may be logged upper- or lower-cased, or inside an escaped string).
 */
export function findMarkers(capture: LogCapture, markers: readonly string[]): MarkerHit[] {
  if (markers.length === 0) throw new Error('findMarkers needs at least one marker to look for');
  const wanted = markers.map((m) => m.toLowerCase());
  const hits: MarkerHit[] = [];
  for (const { service, line } of capture.lines()) {
    const text = line.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).toLowerCase();
    wanted.forEach((m, i) => {
      if (text.includes(m)) hits.push({ service, marker: markers[i] ?? m, line });
    });
  }
  return hits;
}
