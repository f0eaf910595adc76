import { describe, expect, it } from 'vitest';
import { LIMITS, measure } from '../../scripts/size-check.ts';

/** A function whose declaration spans exactly `lines` lines. */
function fn(name: string, lines: number, body: (i: number) => string = (i) => `  const v${i} = ${i};`): string {
  return [`export function ${name}() {`, ...Array.from({ length: lines - 2 }, (_, i) => body(i)), '}'].join('\n');
}

describe('size check', () => {
  it('reports a function one line over the limit and not one at the limit', () => {
    const text = [fn('atLimit', LIMITS.functionLines), fn('overLimit', LIMITS.functionLines + 1)].join('\n');
    const found = measure('x.ts', text, 'x.ts');
    expect(found).toEqual([{ kind: 'function', file: 'x.ts', line: LIMITS.functionLines + 1, name: 'overLimit', lines: LIMITS.functionLines + 1 }]);
  });

  it('names arrow functions by their variable and callbacks by their caller', () => {
    const body = Array.from({ length: 70 }, (_, i) => `  step(${i});`).join('\n');
    const text = `const handler = () => {\n${body}\n};\nrun(() => {\n${body}\n});`;
    expect(measure('x.ts', text, 'x.ts').map((o) => o.name)).toEqual(['handler', '<callback of run>']);
  });

  it('does not count a data table inside a function, but counts the code around it', () => {
    const rows = Array.from({ length: 80 }, (_, i) => `    { code: 'C${i}', share: ${i / 100}, on: true },`).join('\n');
    const text = `export function table() {\n  const rows = [\n${rows}\n  ];\n  return rows;\n}`;
    expect(measure('x.ts', text, 'x.ts')).toEqual([]);
    // A row that calls code is not data: the same literal counts then.
    const computed = rows.replace("share: 0.5,", 'share: compute(),');
    expect(measure('x.ts', `export function table() {\n  const rows = [\n${computed}\n  ];\n  return rows;\n}`, 'x.ts')).toHaveLength(1);
  });

  it('does not count SDL strings toward a file, but counts a long file of code', () => {
    const types = Array.from({ length: 400 }, (_, i) => `  "Field ${i}."\n  f${i}: String`).join('\n');
    const sdl = `export const typeDefs = /* GraphQL */ \`\n  type Query {\n${types}\n  }\n\`;\n`;
    expect(measure('sdl.ts', sdl, 'sdl.ts')).toEqual([]);
    const code = Array.from({ length: LIMITS.fileLines + 1 }, (_, i) => `export const c${i} = f(${i});`).join('\n');
    expect(measure('long.ts', code, 'long.ts')).toEqual([{ kind: 'file', file: 'long.ts', line: 1, name: '', lines: LIMITS.fileLines + 1 }]);
  });
});
