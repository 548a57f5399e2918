// Risk: an import that points outward (core reaching for I/O, adapters reaching for main) or a stray process.env read.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
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
  if (rel === 'config.ts') return 'config';
  return rel.split(path.sep)[0] ?? '';
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
    for (const layer of ['core', 'app', 'adapters', 'cli', 'main', 'config']) expect(layers).toContain(layer);
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

  it('app depends only on core (and the config type)', () => {
    expect(
      violations(
        (from, to, imp) => from === 'app' && !['app', 'core'].includes(to) && !(to === 'config' && imp.typeOnly),
      ),
    ).toEqual([]);
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

  it('only config.ts reads process.env', () => {
    const bad = files.filter((f) => layerOf(f) !== 'config' && /process\.env/.test(readFileSync(f, 'utf8')));
    expect(bad.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
