import type { KassaConfig } from './KassaConfig.ts';
import { readInteger } from './read/readInteger.ts';
import { readString } from './read/readString.ts';

// Prometheus' registry of default ports lists 9464 for OpenTelemetry-style exporters; nothing else here uses it.
const DEFAULT_METRICS_PORT = 9464;

/** Reads the `metrics` section (its keys already checked): loopback by default, so never public by accident. */
export function readMetricsSection(metrics: Readonly<Record<string, unknown>>): KassaConfig['metrics'] {
  return {
    host: metrics.host === undefined ? '127.0.0.1' : readString(metrics.host, 'metrics.host'),
    port: readInteger(metrics.port ?? DEFAULT_METRICS_PORT, 'metrics.port', 0, 65_535),
  };
}
