import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCommandLine } from './cli-tools.ts';

const USAGE = 'Usage: tool [--size <n>] <file>\n';

function fakeCli(argv: string[]) {
  const failures: string[] = [];
  return { argv, failures, fail: (message: string, code = 1) => (failures.push(message), code) };
}

describe('parseCommandLine', () => {
  afterEach(() => vi.restoreAllMocks());

  it('returns the values and positionals asked for', () => {
    const cli = fakeCli(['--size', '7', 'holders.csv']);
    const args = parseCommandLine(cli, USAGE, { size: { type: 'string' }, dry: { type: 'boolean', default: false } }, { allowPositionals: true });
    if (typeof args === 'number') throw new Error(`exit ${args}`);
    expect(args.values).toEqual({ size: '7', dry: false, help: false });
    expect(args.positionals).toEqual(['holders.csv']);
    expect(cli.failures).toEqual([]);
  });

  it('prints the usage for --help and -h and returns 0', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    for (const flag of ['--help', '-h']) expect(parseCommandLine(fakeCli([flag]), USAGE, { size: { type: 'string' } })).toBe(0);
    expect(write.mock.calls.map((c) => c[0])).toEqual([USAGE, USAGE]);
  });

  it('fails an unknown option or a positional it does not take, with the usage', () => {
    const unknown = fakeCli(['--sise', '7']);
    expect(parseCommandLine(unknown, USAGE, { size: { type: 'string' } })).toBe(1);
    expect(unknown.failures).toHaveLength(1);
    expect(unknown.failures[0]).toMatch(/--sise/);
    expect(unknown.failures[0]?.endsWith(USAGE)).toBe(true);
    const positional = fakeCli(['extra']);
    expect(parseCommandLine(positional, USAGE, { size: { type: 'string' } })).toBe(1);
    expect(positional.failures[0]).toMatch(/extra/);
  });
});
