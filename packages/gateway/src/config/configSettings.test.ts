// Risk: docs/configuration.md out of step with the code: a setting the code takes but the docs never mention, a documented one the code refuses, or an example that does not load.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_CHAIN_XPUB } from '../../test/fixtures/devChain.ts';
import { BUILT_IN_NETWORKS } from '../adapters/chains/builtInNetworks.ts';
import { NETWORK_KINDS } from '../adapters/chains/networkKinds.ts';
import { CONFIG_SETTINGS, ENVIRONMENT_VARIABLES, type SettingTree } from './configSettings.ts';
import { loadConfig } from './loadConfig.ts';

const DOC = readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');
const README = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

// Tables that list settings by their own name, under the path of the section they belong to.
const TABLE_PREFIXES: Record<string, string> = {
  'Networks / Per-network settings': 'networks.<KEY>.',
  'Networks / Tokens': 'networks.<KEY>.tokens[].',
  'Rates / Per-token settings': 'rates.tokens.<SYMBOL>.',
};

type Row = { readonly table: string; readonly cells: readonly string[] };

/** The body rows of every table, each with the `## / ###` headings it stands under. */
function tableRows(markdown: string): Row[] {
  const rows: Row[] = [];
  let section = '';
  let subsection = '';
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) [section, subsection] = [line.slice(3), ''];
    else if (line.startsWith('### ')) subsection = line.slice(4);
    else if (line.startsWith('| `')) {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      rows.push({ table: subsection === '' ? section : `${section} / ${subsection}`, cells });
    }
  }
  return rows;
}

/** Every path in the tree (`server.port`, `networks.<KEY>.tokens[].symbol`), and which are settings. */
function settingPaths(tree: SettingTree, prefix = ''): { all: string[]; leaves: string[] } {
  const all: string[] = [];
  const leaves: string[] = [];
  for (const [key, child] of Object.entries(tree)) {
    const at = key === '[]' ? `${prefix}[]` : prefix === '' ? key : `${prefix}.${key}`;
    all.push(at);
    if (child === true) leaves.push(at);
    else {
      const below = settingPaths(child, at);
      all.push(...below.all);
      leaves.push(...below.leaves);
    }
  }
  return { all, leaves };
}

const rows = tableRows(DOC);
const unquote = (cell: string | undefined) => (cell ?? '').replace(/^`|`$/g, '');

describe('docs/configuration.md', () => {
  it('documents every setting the code takes, and only those', () => {
    const documented = rows
      .filter(
        (row) => !['Environment variables', 'Command-line flags', 'Networks / Built-in networks'].includes(row.table),
      )
      .map((row) => `${TABLE_PREFIXES[row.table] ?? ''}${unquote(row.cells[0])}`);
    const { all, leaves } = settingPaths(CONFIG_SETTINGS);
    expect(documented.filter((setting) => !all.includes(setting))).toEqual([]);
    expect(leaves.filter((setting) => !documented.includes(setting))).toEqual([]);
  });

  it('lists the environment variables the code reads, with the setting each replaces', () => {
    const documented = rows
      .filter((row) => row.table === 'Environment variables')
      .map((row) => [unquote(row.cells[1]), unquote(row.cells[0])]);
    expect(Object.fromEntries(documented)).toEqual(ENVIRONMENT_VARIABLES);
  });

  it('describes the built-in networks as the code defines them', () => {
    const documented = rows
      .filter((row) => row.table === 'Networks / Built-in networks')
      .map(({ cells: [key, chainId, standard, confirmations, finalityDepth, blockTime, tokens] }) => [
        unquote(key),
        Number(chainId),
        standard,
        Number(confirmations),
        Number(finalityDepth),
        blockTime,
        [...(tokens ?? '').matchAll(/(\w+)(?: `(0x[0-9a-fA-F]{40}|T[1-9A-HJ-NP-Za-km-z]{33})`)? \(\**(\d+)/g)].map(
          (m) => `${m[1]} ${m[2] ?? 'native'} ${m[3]}`,
        ),
      ]);
    const defined = Object.entries(BUILT_IN_NETWORKS).map(([key, network]) => [
      key,
      network.chainId,
      network.standard,
      network.confirmations,
      network.finalityDepth,
      `${network.blockTimeSeconds} s`,
      // Contracts as operators write them: TRON's in their T… form.
      network.tokens.map(
        (token) =>
          `${token.symbol} ${token.contract === null ? 'native' : NETWORK_KINDS[network.kind].formatAddress(token.contract)} ${token.decimals}`,
      ),
    ]);
    expect(documented).toEqual(defined);
  });

  // The examples elide keys; a real xpub and master key stand in for them.
  const examples = [...DOC.matchAll(/```json\n([\s\S]*?)```/g), ...README.matchAll(/```json\n([\s\S]*?)```/g)].map(
    (m) => (m[1] ?? '').replace(/xpub6[A-Z]…/g, DEV_CHAIN_XPUB).replace('…64 hex digits…', 'ab'.repeat(32)),
  );

  it.each(examples.map((example, i) => [i + 1, example]))("example %i (and the README's) loads", (_i, example) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kassa-config-docs-'));
    const file = path.join(dir, 'kassa.json');
    writeFileSync(file, example);
    expect(() =>
      loadConfig({
        mode: 'production',
        configFile: file,
        env: { KASSA_DATA_DIR: dir, KASSA_MASTER_KEY: 'ab'.repeat(32) },
      }),
    ).not.toThrow();
  });

  it('has all its examples checked', () => {
    expect(examples).toHaveLength(6);
  });
});
