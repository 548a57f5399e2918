// Risk: docs/operations.md's systemd unit does not load, stops Kassa before its grace period ends, or the metrics docs and dashboard drift from the metrics served.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createDb } from '../src/adapters/db/createDb.ts';
import { createGatewayMetrics } from '../src/adapters/metrics/createGatewayMetrics.ts';
import { loadConfig } from '../src/config/loadConfig.ts';

const run = promisify(execFile);
const DOCS = new URL('../../../docs/', import.meta.url);
const OPERATIONS = readFileSync(new URL('operations.md', DOCS), 'utf8');
const DASHBOARD = readFileSync(new URL('grafana-dashboard.json', DOCS), 'utf8');

const unit = /## Running under systemd[\s\S]*?```ini\n([\s\S]*?)```/.exec(OPERATIONS)?.[1] ?? '';
const hasSystemdAnalyze = await run('systemd-analyze', ['--version']).then(
  () => true,
  () => false,
);
if (!hasSystemdAnalyze) console.info('systemd unit check skipped: systemd-analyze is not installed');

/** Every `kassa_*` metric the gateway registers, as Prometheus names its samples' family. */
function servedMetricNames(): string[] {
  const metrics = createGatewayMetrics();
  const dir = mkdtempSync(path.join(tmpdir(), 'kassa-docs-'));
  // Registers the scrape-time gauges; nothing is read until a scrape.
  const kassaDb = createDb({ url: path.join(dir, 'kassa.sqlite') });
  metrics.watchSources({ db: kassaDb.db, now: Date.now, rates: { listPriceTimes: () => [] }, logger: console });
  void kassaDb.close();
  return metrics.registry
    .getMetricsAsArray()
    .map((metric) => metric.name)
    .filter((name) => name.startsWith('kassa_'));
}

describe('docs/operations.md', () => {
  it('has a systemd unit', () => {
    expect(unit).toContain('ExecStart=');
  });

  it.skipIf(!hasSystemdAnalyze)(
    'has a systemd unit that systemd-analyze verify accepts without a warning',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'kassa-unit-'));
      const file = path.join(dir, 'kassa.service');
      // verify checks that the program exists: this machine's node stands in for /usr/bin/node.
      writeFileSync(file, unit.replace('ExecStart=/usr/bin/node ', `ExecStart=${process.execPath} `));
      const { stdout, stderr } = await run('systemd-analyze', ['verify', file]);
      // Unknown keys and unparsable values are only warnings: any output at all fails the check.
      expect(`${stdout}${stderr}`).toBe('');
    },
  );

  it('gives systemd a stop timeout longer than the default grace period, sandboxed', () => {
    const timeoutStopSeconds = Number(/^TimeoutStopSec=(\d+)s$/m.exec(unit)?.[1]);
    const config = loadConfig({ mode: 'dev', env: { KASSA_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kassa-')) } });
    expect(timeoutStopSeconds * 1000).toBeGreaterThan(config.server.shutdownGraceMs);
    for (const line of ['Type=exec', 'Restart=on-failure', 'NoNewPrivileges=yes', 'ProtectSystem=strict']) {
      expect(unit.split('\n')).toContain(line);
    }
    expect(unit).toMatch(/^ReadWritePaths=\/var\/lib\/kassa$/m);
  });

  it('lists every metric the gateway serves, and only those', () => {
    const documented = [...OPERATIONS.matchAll(/^\| `(kassa_\w+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(servedMetricNames().sort());
  });
});

describe('docs/grafana-dashboard.json', () => {
  const dashboard = JSON.parse(DASHBOARD) as {
    panels: { id: number; title: string; targets: { expr: string }[] }[];
  };

  it('has a panel for every metric the gateway serves', () => {
    const exprs = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr)).join('\n');
    const missing = servedMetricNames().filter((name) => !new RegExp(`\\b${name}(_bucket)?\\b`).test(exprs));
    expect(missing).toEqual([]);
    expect(exprs).toContain('process_resident_memory_bytes');
  });

  it('has panels with unique ids, each with a query', () => {
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) expect(panel.targets.length).toBeGreaterThan(0);
  });
});
