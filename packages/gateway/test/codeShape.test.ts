// Guards against the code growing back into long files and long functions that a newcomer cannot
// hold in their head (docs/architecture.md, "Sizes").
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCE_DIRS = ['packages/gateway/src', 'packages/sdk/src', 'bench', 'scripts'];
const MAX_FILE_LINES = 200;
const MAX_FUNCTION_LINES = 60;

// Data, not logic: long because the table is long. Migrations are released history and never change.
const EXEMPT = [
  /^packages\/gateway\/src\/adapters\/chains\/evm\/kassaTestTokenArtifact\.ts$/,
  /^packages\/gateway\/src\/adapters\/chains\/evm\/sweep\/kassaSweeperArtifact\.ts$/,
  /^packages\/gateway\/src\/adapters\/db\/migrations\//,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(rel);
    const isSource =
      /\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name);
    return isSource && !EXEMPT.some((rule) => rule.test(rel)) ? [rel] : [];
  });
}

type FunctionNode = ts.FunctionLikeDeclaration & { body: ts.Node };

function isFunctionWithBody(node: ts.Node): node is FunctionNode {
  return ts.isFunctionLike(node) && 'body' in node && node.body !== undefined;
}

/** Each function's lines of its own: its body's lines less those of the functions nested in it. */
function measureFunctions(fileName: string, text: string): { name: string; line: number; lines: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const spanOf = (node: ts.Node) => lineOf(node.getEnd()) - lineOf(node.getStart(source)) + 1;
  const measured: { name: string; line: number; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionWithBody(node)) {
      let nested = 0;
      const subtractNested = (child: ts.Node): void => {
        if (isFunctionWithBody(child)) nested += spanOf(child);
        else ts.forEachChild(child, subtractNested);
      };
      ts.forEachChild(node.body, subtractNested);
      const name = node.name?.getText(source) ?? '(anonymous)';
      measured.push({ name, line: lineOf(node.getStart(source)) + 1, lines: spanOf(node.body) - nested });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return measured;
}

const files = SOURCE_DIRS.flatMap(sourceFiles);

describe('code shape', () => {
  it('finds the sources of both packages, the benchmarks and the scripts', () => {
    for (const dir of SOURCE_DIRS) expect(files.some((f) => f.startsWith(`${dir}/`))).toBe(true);
  });

  it(`keeps every source file within ${MAX_FILE_LINES} lines`, () => {
    const long = files
      .map((f) => ({ f, lines: readFileSync(path.join(ROOT, f), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_FILE_LINES)
      .map(({ f, lines }) => `${f}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it(`keeps every function within ${MAX_FUNCTION_LINES} lines of its own`, () => {
    const long = files.flatMap((f) =>
      measureFunctions(f, readFileSync(path.join(ROOT, f), 'utf8'))
        .filter((m) => m.lines > MAX_FUNCTION_LINES)
        .map((m) => `${f}:${m.line} ${m.name}: ${m.lines} lines`),
    );
    expect(long).toEqual([]);
  });

  it('counts a function without the functions nested in it', () => {
    const inner = Array.from({ length: 30 }, (_, i) => `    const b${i} = ${i};`).join('\n');
    const text = `function outer() {\n  const a = 1;\n  const nested = () => {\n${inner}\n  };\n  return nested;\n}\n`;
    const byName = new Map(measureFunctions('x.ts', text).map((m) => [m.name, m.lines]));
    expect(byName.get('outer')).toBe(4);
    expect(measureFunctions('x.ts', text).find((m) => m.name === '(anonymous)')?.lines).toBe(32);
  });
});
