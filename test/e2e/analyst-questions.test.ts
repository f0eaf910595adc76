import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExamples } from '../src/doc-examples.ts';
import { startGraph, token, type TestGraph } from '../src/harness.ts';

// Issue 16's ten questions, as docs/analysts.md asks them (the examples marked `question=N`):
// each runs as an analyst, in one gateway query, on a fresh graph seeded with the sample world
// `npm start` seeds (400 nomads around the harness day), and returns numbers, not only
// suppressed cells. Where the page shows the answer (a ```json block after the query), the
// answer is exactly that: the page cannot drift from what the graph says.
const questions = (await readExamples()).filter((e) => e.annotation.question !== null);

/** Every number in a response, wherever it is. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe("the analysts' ten questions", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ seed: true });
    await graph.flushEvents();
  }, 180_000);
  afterAll(async () => {
    await graph?.stop();
  });

  it('docs/analysts.md asks each of the ten, once, as an analyst', () => {
    expect(questions.map((q) => q.annotation.question).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const q of questions) {
      expect(q.where).toMatch(/^docs\/analysts\.md:/);
      expect(q.annotation.roles).toEqual(['analyst']);
      expect(q.operations).toHaveLength(1);
    }
  });

  for (const q of questions) {
    it(`question ${q.annotation.question} (${q.where}) answers with numbers in one query`, async () => {
      const res = await graph.request(await token(['analyst']), q.source);
      expect(res.body.errors, res.text.slice(0, 500)).toBeUndefined();
      const data = res.body.data;
      // Numbers other than the disclosure rules themselves: something was shown, not all suppressed.
      const shown = numbersIn(JSON.parse(JSON.stringify(data ?? {}, (key, v: unknown) => (key === 'disclosure' ? undefined : v))));
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.some((n) => n > 0)).toBe(true);
      if (q.answer !== undefined) expect(data).toEqual(q.answer);
    });
  }
});
