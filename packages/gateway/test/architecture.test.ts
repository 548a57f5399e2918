// Risk: an import that points outward (core reaching for I/O, adapters reaching for main) or a stray process.env read.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ORDER_STATUSES, RESULT_CODES } from '@kassa/sdk';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

type Import = { file: string; specifier: string; typeOnly: boolean };

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    found.push({ file, specifier: m[3] ?? '', typeOnly: m[2] !== undefined });
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ file, specifier: m[1] ?? '', typeOnly: false });
  return found;
}

/** The layer of a file or an import target, by its place under src/. */
function layerOf(absolute: string): string {
  const rel = path.relative(SRC, absolute);
  if (rel === 'main.ts') return 'main';
  return rel.split(path.sep)[0] ?? '';
}

/** A file's code with comments and string contents removed, and the contents of its string literals. */
function splitSource(text: string): { code: string; strings: string[] } {
  const strings: string[] = [];
  const code = text.replace(
    /'((?:\\.|[^'\\\n])*)'|"((?:\\.|[^"\\\n])*)"|`((?:\\.|[^`\\])*)`|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
    (_match, single?: string, double?: string, template?: string) => {
      const literal = single ?? double ?? template;
      if (literal === undefined) return ' ';
      strings.push(literal);
      return "''";
    },
  );
  return { code, strings };
}

const files = sourceFiles(SRC);
const allImports = files.flatMap(importsOf);

function violations(rule: (from: string, to: string, imp: Import) => boolean): string[] {
  return allImports.flatMap((imp) => {
    if (!imp.specifier.startsWith('.')) return [];
    const target = path.resolve(path.dirname(imp.file), imp.specifier);
    return rule(layerOf(imp.file), layerOf(target), imp) ? [`${path.relative(SRC, imp.file)} → ${imp.specifier}`] : [];
  });
}

describe('architecture', () => {
  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(20);
    const layers = new Set(files.map(layerOf));
    for (const layer of ['core', 'protocol', 'app', 'adapters', 'cli', 'main', 'config'])
      expect(layers).toContain(layer);
  });

  it('core imports nothing outside core: no node modules, no packages', () => {
    const bad = allImports.filter((imp) => {
      if (layerOf(imp.file) !== 'core') return false;
      if (!imp.specifier.startsWith('.')) return true;
      return layerOf(path.resolve(path.dirname(imp.file), imp.specifier)) !== 'core';
    });
    expect(bad.map((b) => `${path.relative(SRC, b.file)} → ${b.specifier}`)).toEqual([]);
  });

  it('core reads no clock, randomness or process', () => {
    const bad = files
      .filter((f) => layerOf(f) === 'core')
      .filter((f) =>
        /\b(Date\.now|new Date\(\)|Math\.random|process\.|performance\.now)\b/.test(readFileSync(f, 'utf8')),
      );
    expect(bad.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('app depends only on core and protocol (and the config type)', () => {
    expect(
      violations(
        (from, to, imp) =>
          from === 'app' && !['app', 'core', 'protocol'].includes(to) && !(to === 'config' && imp.typeOnly),
      ),
    ).toEqual([]);
  });

  it('protocol depends only on core and the SDK', () => {
    const bad = allImports.filter((imp) => {
      if (layerOf(imp.file) !== 'protocol') return false;
      if (!imp.specifier.startsWith('.')) return imp.specifier !== '@kassa/sdk';
      return !['core', 'protocol'].includes(layerOf(path.resolve(path.dirname(imp.file), imp.specifier)));
    });
    expect(bad.map((b) => `${path.relative(SRC, b.file)} → ${b.specifier}`)).toEqual([]);
  });

  it('splits code from strings and comments as the wire-string rule needs', () => {
    const { code, strings } = splitSource(
      'r.order_status = \'Paid (Overdue)\'; // 100007\nconst u = "a_b"; /* c_d */ f(`x`, 100008);',
    );
    expect(strings).toEqual(['Paid (Overdue)', 'a_b', 'x']);
    expect(code).toContain('order_status');
    expect(code).toContain('100008');
    expect(code).not.toMatch(/100007|c_d|a_b/);
  });

  it('core knows no wire strings: no v1 status, no result code, no snake_case field name', () => {
    const wireStatuses = new Set<string>(ORDER_STATUSES);
    const resultCodes = new Set<number>(Object.values(RESULT_CODES));
    const found = files
      .filter((f) => layerOf(f) === 'core')
      .flatMap((f) => {
        const { code, strings } = splitSource(readFileSync(f, 'utf8'));
        const where = path.relative(SRC, f);
        return [
          ...strings.filter((text) => wireStatuses.has(text)).map((text) => `${where}: '${text}'`),
          ...[...code.matchAll(/\b\d+\b/g)]
            .filter((m) => resultCodes.has(Number(m[0])))
            .map((m) => `${where}: ${m[0]}`),
          // Wire fields are snake_case (`order_status`); domain code is camelCase, so any such name is the wire.
          ...[...code.matchAll(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g)].map((m) => `${where}: ${m[0]}`),
        ];
      });
    expect(found).toEqual([]);
  });

  it('adapters and workers never import cli or main; adapters never import workers', () => {
    expect(
      violations(
        (from, to) =>
          (from === 'adapters' && ['cli', 'main', 'workers'].includes(to)) ||
          (from === 'workers' && ['cli', 'main'].includes(to)),
      ),
    ).toEqual([]);
  });

  it('config is read by the outer layers only: elsewhere its types, never its code', () => {
    expect(
      violations((from, to, imp) => to === 'config' && !['config', 'cli', 'main'].includes(from) && !imp.typeOnly),
    ).toEqual([]);
  });

  it('config reaches no further than core and the adapters it takes defaults and parsers from', () => {
    expect(violations((from, to) => from === 'config' && !['config', 'core', 'adapters'].includes(to))).toEqual([]);
  });

  it('only config/ reads process.env', () => {
    const bad = files.filter((f) => layerOf(f) !== 'config' && /process\.env/.test(readFileSync(f, 'utf8')));
    expect(bad.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
