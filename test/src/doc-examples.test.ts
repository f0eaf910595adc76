import { describe, expect, it } from 'vitest';
import { DocExampleError, emptyPaths, extractExamples, parseAnnotation } from './doc-examples.ts';

const block = (annotation: string, body: string) => `Some text.\n\n${annotation}\n\`\`\`graphql\n${body}\n\`\`\`\n`;

describe('extractExamples', () => {
  it('reads a block with its annotation', () => {
    const [example, ...rest] = extractExamples(block('<!-- example: role=analyst purpose="a study" -->', '{ nomads(first: 1) { totalCount } }'), 'x.md');
    expect(rest).toEqual([]);
    expect(example?.where).toBe('x.md:4');
    expect(example?.annotation).toMatchObject({ roles: ['analyst'], purpose: 'a study', nomadId: null });
    expect(example?.operations).toHaveLength(1);
  });

  it('refuses a block without an annotation', () => {
    expect(() => extractExamples(block('', '{ nomads(first: 1) { totalCount } }'), 'x.md')).toThrow(/no <!-- example/);
  });

  it('refuses placeholders a reader could not run', () => {
    expect(() => extractExamples(block('<!-- example: role=analyst -->', '{ nomad(id: "…") { id } }'), 'x.md')).toThrow(/placeholder/);
    expect(() => extractExamples(block('<!-- example: role=analyst -->', '{ nomad(id: "<uuid>") { id } }'), 'x.md')).toThrow(/placeholder/);
  });

  it('keeps fragment spreads, which are not placeholders', () => {
    const source = 'query Q { nomads(first: 1) { ...N } } fragment N on NomadConnection { totalCount }';
    expect(extractExamples(block('<!-- example: role=analyst -->', source), 'x.md')).toHaveLength(1);
  });

  it('wants every operation of a block named when there are several', () => {
    expect(() => extractExamples(block('<!-- example: role=analyst -->', '{ a: nomads(first: 1) { totalCount } } mutation { x }'), 'x.md')).toThrow(/name each/);
  });
});

describe('the analysts\' questions', () => {
  const q = (annotation: string, after: string) => extractExamples(`${block(annotation, '{ nomads(first: 1) { totalCount } }')}${after}`, 'x.md');

  it('reads the question number and the JSON answer right after the block', () => {
    const [example] = q('<!-- example: role=analyst question=3 -->', '\n```json\n{ "a": [1, 2] }\n```\n');
    expect(example?.annotation.question).toBe(3);
    expect(example?.answer).toEqual({ a: [1, 2] });
  });

  it('takes no answer from a JSON block after prose, nor for an example that is no question', () => {
    expect(q('<!-- example: role=analyst question=3 -->', 'Some prose.\n```json\n{}\n```\n')[0]?.answer).toBeUndefined();
    expect(q('<!-- example: role=analyst -->', '```json\n{}\n```\n')[0]?.answer).toBeUndefined();
  });

  it('refuses a question number outside 1 to 10 and an answer that is not JSON', () => {
    expect(() => q('<!-- example: role=analyst question=11 -->', '')).toThrow(/question must be 1 to 10/);
    expect(() => q('<!-- example: role=analyst question=2 -->', '```json\n{ nope\n```\n')).toThrow(/not JSON/);
  });
});

describe('parseAnnotation', () => {
  it('refuses unknown keys, unknown roles, and a nomad without an id', () => {
    expect(() => parseAnnotation(' role=analyst colour=red ', 'x')).toThrow(DocExampleError);
    expect(() => parseAnnotation(' role=wizard ', 'x')).toThrow(/unknown role/);
    expect(() => parseAnnotation(' role=nomad ', 'x')).toThrow(/nomad=<uuid>/);
    expect(() => parseAnnotation(' purpose="x" ', 'x')).toThrow(/names no role/);
  });

  it('gives a nomad token its role from the id', () => {
    expect(parseAnnotation(' nomad=7c9e6679-7425-40de-944b-e07fc1f90ae7 ', 'x')).toMatchObject({ roles: ['nomad'], nomadId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
  });
});

describe('emptyPaths', () => {
  it('names fields null everywhere and lists empty everywhere, not those shown once', () => {
    const data = {
      nomads: { edges: [{ node: { pin: null, status: { state: 'ACTIVE' } } }, { node: { pin: '2', status: null } }] },
      me: { taxRegistration: null, declarations: { edges: [] } },
      submit: { userErrors: [] },
    };
    expect(emptyPaths(data).sort()).toEqual(['me.declarations.edges', 'me.taxRegistration']);
  });
});
