import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { documentationFiles, readExamples, REPO_ROOT } from './doc-examples.ts';

// The README and docs/ as a set of pages: each linked from the README, links that lead somewhere.
describe('the documentation pages', () => {
  it('are every one linked from the README, which stays under 250 lines', async () => {
    const readme = await readFile(`${REPO_ROOT}README.md`, 'utf8');
    const pages = (await documentationFiles()).filter((f) => f.startsWith('docs/'));
    expect(pages.length).toBeGreaterThanOrEqual(7);
    for (const page of pages) expect(readme, page).toContain(`](${page})`);
    expect(readme.split('\n').length).toBeLessThan(250);
  });

  it('annotate GraphQL blocks only: every annotation sits on a block, every block has one', async () => {
    const examples = await readExamples();
    let annotations = 0;
    for (const file of await documentationFiles()) {
      annotations += (await readFile(`${REPO_ROOT}${file}`, 'utf8')).split('\n').filter((l) => l.startsWith('<!-- example:')).length;
    }
    expect(examples.length).toBeGreaterThan(20);
    expect(annotations).toBe(examples.length);
  });

  it('link only to files and headings that exist', async () => {
    const files = await documentationFiles();
    const slugs = new Map<string, Set<string>>();
    const texts = new Map<string, string>();
    for (const file of files) {
      const text = await readFile(`${REPO_ROOT}${file}`, 'utf8');
      texts.set(file, text);
      const headings = text.split('\n').filter((l) => /^#{1,6} /.test(l));
      // Headings' slugs, and explicit anchors (`<a id="…"></a>`), which GitHub keeps too.
      const anchors = [...text.matchAll(/<a id="([\w-]+)"><\/a>/g)].map((m) => m[1] ?? '');
      slugs.set(file, new Set([...headings.map((h) => githubSlug(h.replace(/^#+ /, ''))), ...anchors]));
    }
    let links = 0;
    for (const [file, text] of texts) {
      const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
      for (const [, target] of text.matchAll(/\]\(([^)\s]+\.md)(?:#[^)]*)?\)/g)) {
        links++;
        const resolved = normalise(`${dir}${target}`);
        expect(files, `${file} links to ${target}`).toContain(resolved);
      }
      for (const [, target, anchor] of text.matchAll(/\]\(([^)\s#]*\.md)?#([^)]+)\)/g)) {
        const resolved = target ? normalise(`${dir}${target}`) : file;
        expect([...(slugs.get(resolved) ?? [])], `${file} links to ${target ?? ''}#${anchor}`).toContain(anchor);
      }
    }
    expect(links).toBeGreaterThan(10);
  });
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
