// Lists every function over 60 lines and every file over 300 lines (STYLE.md's "small rooms"),
// measured with the TypeScript compiler's syntax tree so that what the rule exempts can be
// told apart from code: SDL strings and data tables (literal arrays and objects) do not count.
//
//   npm run check:size                 # subgraphs/, gateway/, sample/, contract/
//   npm run check:size -- --tests      # test files (*.test.ts, __fixtures__) as well
//   npm run check:size -- some/folder  # other folders instead
//
// Exits 1 when anything is over a limit, so that CI can run it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const LIMITS = { functionLines: 60, fileLines: 300 } as const;
const DEFAULT_ROOTS = ['subgraphs', 'gateway', 'sample', 'contract'];
const SKIP_DIRS = new Set(['node_modules', 'drizzle', '.data', '.turbo', 'dist', 'generated']);
/** An SDL string: a type system definition somewhere in a multi-line template. */
const SDL = /(^|\n)\s*(extend\s+)?(type|input|enum|scalar|interface|union|directive|schema)\b[^\n]*[{@=]|"""/;
/** A table spans at least this many lines before it is set aside (a short literal is just code). */
const MIN_EXEMPT_LINES = 5;

export interface Offender {
  kind: 'file' | 'function';
  file: string;
  line: number;
  name: string;
  lines: number;
}

function isTestPath(path: string): boolean {
  return /\.test\.tsx?$/.test(path) || path.includes('__fixtures__');
}

function listSources(root: string, tests: boolean): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (!SKIP_DIRS.has(entry) && !entry.startsWith('.')) walk(path);
      } else if (/\.(ts|tsx|mts)$/.test(entry) && !entry.endsWith('.d.ts') && (tests || !isTestPath(path))) {
        out.push(path);
      }
    }
  };
  walk(root);
  return out;
}

/** A literal value all the way down: strings, numbers, booleans, null, and arrays/objects of them. */
function isDataLiteral(node: ts.Node): boolean {
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) return isDataLiteral(node.expression);
  if (ts.isStringLiteral(node) || ts.isNumericLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isPrefixUnaryExpression(node)) return ts.isNumericLiteral(node.operand);
  if (ts.isArrayLiteralExpression(node)) return node.elements.every(isDataLiteral);
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every((p) => ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && isDataLiteral(p.initializer));
  }
  return false;
}

function isSdlTemplate(node: ts.Node, source: ts.SourceFile): boolean {
  if (!ts.isNoSubstitutionTemplateLiteral(node) && !ts.isTemplateExpression(node)) return false;
  return SDL.test(node.getText(source));
}

function lineOf(source: ts.SourceFile, pos: number): number {
  return source.getLineAndCharacterOfPosition(pos).line;
}

/** Lines (0-based) covered by SDL strings and data tables. */
function exemptLines(source: ts.SourceFile): Set<number> {
  const lines = new Set<number>();
  const visit = (node: ts.Node) => {
    const exempt = (ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node)) ? isDataLiteral(node) : isSdlTemplate(node, source);
    if (exempt) {
      const start = lineOf(source, node.getStart(source));
      const end = lineOf(source, node.getEnd());
      if (end - start + 1 >= MIN_EXEMPT_LINES) {
        for (let l = start; l <= end; l++) lines.add(l);
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

function countLines(start: number, end: number, exempt: Set<number>): number {
  let n = 0;
  for (let l = start; l <= end; l++) if (!exempt.has(l)) n++;
  return n;
}

/** A readable name for a function: its own, its variable's, its property's, or its caller's. */
function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText(source);
  if (ts.isCallExpression(parent)) return `<callback of ${parent.expression.getText(source).slice(0, 40)}>`;
  return '<anonymous>';
}

export function measure(path: string, text: string, display: string): Offender[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const exempt = exemptLines(source);
  const offenders: Offender[] = [];
  const lastLine = lineOf(source, text.trimEnd().length);
  const fileLines = countLines(0, lastLine, exempt);
  if (fileLines > LIMITS.fileLines) offenders.push({ kind: 'file', file: display, line: 1, name: '', lines: fileLines });
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node;
      const start = lineOf(source, fn.getStart(source));
      const lines = countLines(start, lineOf(source, fn.getEnd()), exempt);
      if (lines > LIMITS.functionLines) offenders.push({ kind: 'function', file: display, line: start + 1, name: nameOf(fn, source), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return offenders;
}

function main(argv: string[]): number {
  const tests = argv.includes('--tests');
  const roots = argv.filter((a) => !a.startsWith('--'));
  const cwd = process.cwd();
  const offenders: Offender[] = [];
  let files = 0;
  for (const root of roots.length > 0 ? roots : DEFAULT_ROOTS) {
    let exists = true;
    try {
      statSync(root);
    } catch {
      exists = false;
    }
    if (!exists) continue;
    for (const path of listSources(root, tests)) {
      files++;
      offenders.push(...measure(path, readFileSync(path, 'utf8'), relative(cwd, path)));
    }
  }
  const overFiles = offenders.filter((o) => o.kind === 'file').sort((a, b) => b.lines - a.lines);
  const overFunctions = offenders.filter((o) => o.kind === 'function').sort((a, b) => b.lines - a.lines);
  for (const o of overFiles) console.log(`file      ${String(o.lines).padStart(4)} lines  ${o.file}`);
  for (const o of overFunctions) console.log(`function  ${String(o.lines).padStart(4)} lines  ${o.file}:${o.line}  ${o.name}`);
  console.log(
    `${files} files read: ${overFiles.length} over ${LIMITS.fileLines} lines, ${overFunctions.length} functions over ${LIMITS.functionLines} lines (SDL strings and data tables not counted${tests ? '' : '; tests not read'}).`,
  );
  return offenders.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
