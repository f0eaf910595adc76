import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { isUuid, ROLES, type Role } from '@nomad/kit';

/** The repository root, where README.md and docs/ live. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the comment before a GraphQL block says about running it. */
export interface ExampleAnnotation {
  /** Roles of the token the example runs with. */
  roles: Role[];
  /** For a nomad's example: the nomad record the token carries. */
  nomadId: string | null;
  /** Sent as `X-Purpose`. */
  purpose: string | null;
  /** The example documents a refusal: every error carries this code, and there is one at least. */
  expectError: string | null;
  /** The example documents a refused mutation: its payload's `userErrors` carry this code. */
  expectUserError: string | null;
  /** Response paths (dot-separated, list indices left out) the example may show as null or empty. */
  nullable: string[];
  /** For the analysts' ten questions (docs/analysts.md): which one the example answers, 1 to 10. */
  question: number | null;
}

export interface DocExample {
  /** `docs/frontend.md:123`: where the block starts. */
  where: string;
  source: string;
  document: DocumentNode;
  operations: OperationDefinitionNode[];
  annotation: ExampleAnnotation;
  /** The ```json block right after the example, if any: what it answers on the sample world. */
  answer?: unknown;
}

const FENCE = /^```graphql\s*$/;
const ANNOTATION = /^<!--\s*example:(.*)-->\s*$/;
/** `key=value` or `key="value with spaces"`. */
const PAIR = /([a-zA-Z]+)=("([^"]*)"|[^\s"]+)/g;
/** What a reader could not run as written: an ellipsis or an angle-bracket placeholder. */
const PLACEHOLDER = /…|"\.\.\."|<[a-zA-Z][^>]*>/;

export class DocExampleError extends Error {}

/** Reads the annotation's `key=value` pairs; an unknown key or a bad value is an error. */
export function parseAnnotation(text: string, where: string): ExampleAnnotation {
  const out: ExampleAnnotation = { roles: [], nomadId: null, purpose: null, expectError: null, expectUserError: null, nullable: [], question: null };
  const rest = text.replace(PAIR, (_all, key: string, raw: string, quoted: string | undefined) => {
    const value = quoted ?? raw;
    switch (key) {
      case 'role':
        for (const role of value.split(',')) {
          if (!(ROLES as readonly string[]).includes(role)) throw new DocExampleError(`${where}: unknown role "${role}"`);
          out.roles.push(role as Role);
        }
        break;
      case 'nomad':
        if (!isUuid(value)) throw new DocExampleError(`${where}: nomad must be a UUID, not "${value}"`);
        out.nomadId = value;
        if (!out.roles.includes('nomad')) out.roles.push('nomad');
        break;
      case 'purpose':
        out.purpose = value;
        break;
      case 'error':
        out.expectError = value;
        break;
      case 'userError':
        out.expectUserError = value;
        break;
      case 'nullable':
        out.nullable.push(...value.split(','));
        break;
      case 'question': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > 10) throw new DocExampleError(`${where}: question must be 1 to 10, not "${value}"`);
        out.question = n;
        break;
      }
      default:
        throw new DocExampleError(`${where}: unknown annotation key "${key}"`);
    }
    return '';
  });
  if (rest.trim() !== '') throw new DocExampleError(`${where}: cannot read "${rest.trim()}" in the annotation`);
  if (out.roles.length === 0) throw new DocExampleError(`${where}: the annotation names no role (role=… or nomad=…)`);
  if (out.roles.includes('nomad') && !out.nomadId) throw new DocExampleError(`${where}: a nomad's example needs nomad=<uuid>`);
  return out;
}

/** Every ```graphql block of one Markdown text, with the annotation on the line before it. */
export function extractExamples(markdown: string, file: string): DocExample[] {
  const lines = markdown.split('\n');
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i] ?? '')) continue;
    const where = `${file}:${i + 1}`;
    const end = lines.findIndex((line, j) => j > i && line.startsWith('```'));
    if (end < 0) throw new DocExampleError(`${where}: the block is not closed`);
    const source = lines.slice(i + 1, end).join('\n');
    const annotation = ANNOTATION.exec(lines[i - 1] ?? '');
    if (!annotation) throw new DocExampleError(`${where}: no <!-- example: … --> annotation on the line before the block`);
    if (PLACEHOLDER.test(source)) throw new DocExampleError(`${where}: the block holds a placeholder (… or <…>); use the sample world's real values`);
    const document = parse(source);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length === 0) throw new DocExampleError(`${where}: the block holds no operation`);
    if (operations.length > 1 && operations.some((o) => !o.name)) {
      throw new DocExampleError(`${where}: a block with several operations must name each of them`);
    }
    const example: DocExample = { where, source, document, operations, annotation: parseAnnotation(annotation[1] ?? '', where) };
    // A question's answer: the ```json block right after the example (blank lines between), if any.
    const next = lines.findIndex((line, j) => j > end && line.trim() !== '');
    if (example.annotation.question !== null && next > 0 && /^```json\s*$/.test(lines[next] ?? '')) {
      const close = lines.findIndex((line, j) => j > next && line.startsWith('```'));
      if (close < 0) throw new DocExampleError(`${file}:${next + 1}: the answer block is not closed`);
      try {
        example.answer = JSON.parse(lines.slice(next + 1, close).join('\n'));
      } catch {
        throw new DocExampleError(`${file}:${next + 1}: the answer block is not JSON`);
      }
    }
    examples.push(example);
    i = end;
  }
  return examples;
}

/** README.md, then every page of docs/ in name order: the order mutations run in. */
export async function documentationFiles(): Promise<string[]> {
  const pages = (await readdir(new URL('docs/', `file://${REPO_ROOT}`))).filter((f) => f.endsWith('.md')).sort();
  return ['README.md', 'BENCHMARKS.md', ...pages.map((p) => `docs/${p}`)];
}

export async function readExamples(): Promise<DocExample[]> {
  const examples: DocExample[] = [];
  for (const file of await documentationFiles()) {
    examples.push(...extractExamples(await readFile(`${REPO_ROOT}${file}`, 'utf8'), file));
  }
  return examples;
}

/**
 * Paths of the response that never show anything: a field null wherever it occurs, or a list
 * empty wherever it occurs (list indices left out of the path). An example that shows nothing
 * teaches nothing.
 */
export function emptyPaths(data: unknown): string[] {
  const seen = new Map<string, boolean>();
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, path);
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (!seen.get(childPath)) seen.set(childPath, child !== null && !(Array.isArray(child) && child.length === 0));
        visit(child, childPath);
      }
    }
  };
  visit(data, '');
  // An empty `userErrors` is the good news of a mutation, checked on its own.
  return [...seen].filter(([path, shown]) => !shown && !path.endsWith('userErrors')).map(([path]) => path);
}
