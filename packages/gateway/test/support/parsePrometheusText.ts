/** One sample line: `name{labels} value`. */
export type PrometheusSample = {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
};

/** One metric family: its `# TYPE`, `# HELP` and samples. */
export type PrometheusFamily = {
  readonly name: string;
  readonly type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  readonly help: string;
  readonly samples: PrometheusSample[];
};

export type PrometheusText = {
  readonly families: ReadonlyMap<string, PrometheusFamily>;
  /** The value of the one sample with this name and exactly these labels; undefined when absent. */
  value(name: string, labels?: Readonly<Record<string, string>>): number | undefined;
  /** The sum over every sample of this name whose labels include `labels`. */
  sum(name: string, labels?: Readonly<Record<string, string>>): number;
};

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"\s*(,|$)/y;
const TYPES = ['counter', 'gauge', 'histogram', 'summary', 'untyped'] as const;
const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

/**
 * A strict parser of the Prometheus text format (0.0.4), for tests: prom-client writes the format
 * but has no parser. It throws on anything a scraper would reject or that hints at a bug: a sample
 * before its family's `# TYPE`, a family declared twice, a duplicate series, a malformed label or
 * value, a negative counter, a histogram whose buckets are not cumulative or whose `+Inf` bucket is
 * not its count.
 */
export function parsePrometheusText(text: string): PrometheusText {
  if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
  const families = new Map<string, PrometheusFamily>();
  const declared = new Set<string>();
  const seen = new Set<string>();
  for (const [index, line] of text.slice(0, -1).split('\n').entries()) {
    const at = `line ${index + 1}`;
    if (line.startsWith('#')) readComment(line, { families, declared }, at);
    else if (line.trim() !== '') readSampleInto(line, { families, declared }, seen, at);
  }
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  const all = [...families.values()].flatMap((f) => f.samples);
  const matches = (sample: PrometheusSample, name: string, labels: Readonly<Record<string, string>>) =>
    sample.name === name && Object.entries(labels).every(([k, v]) => sample.labels[k] === v);
  return {
    families,
    value(name, labels = {}) {
      const found = all.filter(
        (s) => matches(s, name, labels) && Object.keys(s.labels).length === Object.keys(labels).length,
      );
      if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} names ${found.length} series`);
      return found[0]?.value;
    },
    sum: (name, labels = {}) => all.filter((s) => matches(s, name, labels)).reduce((total, s) => total + s.value, 0),
  };
}

type ParseState = { readonly families: Map<string, PrometheusFamily>; readonly declared: Set<string> };

function readComment(line: string, { families, declared }: ParseState, at: string): void {
  const match = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
  if (match === null) return; // A plain comment.
  const [, keyword, name = '', rest = ''] = match;
  if (!METRIC_NAME.test(name)) throw new Error(`${at}: bad metric name ${name}`);
  if (declared.has(`${keyword} ${name}`)) throw new Error(`${at}: a second # ${keyword} for ${name}`);
  declared.add(`${keyword} ${name}`);
  const family = families.get(name) ?? { name, type: 'untyped', help: '', samples: [] };
  if (family.samples.length > 0) throw new Error(`${at}: # ${keyword} ${name} after its samples`);
  if (keyword === 'HELP') families.set(name, { ...family, help: rest });
  else if ((TYPES as readonly string[]).includes(rest))
    families.set(name, { ...family, type: rest as PrometheusFamily['type'] });
  else throw new Error(`${at}: unknown type ${rest}`);
}

function readSampleInto(line: string, { families, declared }: ParseState, seen: Set<string>, at: string): void {
  const sample = readSample(line, at);
  const family = findFamily(families, sample.name);
  if (family === undefined || !declared.has(`TYPE ${family.name}`)) {
    throw new Error(`${at}: ${sample.name} has no # TYPE before it`);
  }
  if (family.type === 'counter' && sample.value < 0) throw new Error(`${at}: negative counter ${sample.name}`);
  const key = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
  if (seen.has(key)) throw new Error(`${at}: duplicate series ${key}`);
  seen.add(key);
  family.samples.push(sample);
}

function readSample(line: string, at: string): PrometheusSample {
  const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)( -?\d+)?$/.exec(line);
  if (match === null) throw new Error(`${at}: not a sample: ${line}`);
  const [, name = '', , labelText = '', valueText = ''] = match;
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < labelText.length) {
    const start = LABEL.lastIndex;
    const label = LABEL.exec(labelText);
    if (label === null || label.index !== start) throw new Error(`${at}: bad labels {${labelText}}`);
    const [, labelName = '', raw = ''] = label;
    if (labelName in labels) throw new Error(`${at}: label ${labelName} twice`);
    labels[labelName] = raw.replace(/\\(["\\n])/g, (_m, c: string) => (c === 'n' ? '\n' : c));
  }
  return { name, labels, value: readValue(valueText, at) };
}

function readValue(text: string, at: string): number {
  // Prometheus reads values with Go's ParseFloat, which takes NaN and Inf in any case (prom-client
  // writes `Nan` for an event-loop mean with no samples yet).
  if (/^nan$/i.test(text)) return Number.NaN;
  if (/^\+?inf(inity)?$/i.test(text)) return Number.POSITIVE_INFINITY;
  if (/^-inf(inity)?$/i.test(text)) return Number.NEGATIVE_INFINITY;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`${at}: bad value ${text}`);
  return Number(text);
}

/** The family a sample belongs to: its own name, or a histogram's or summary's with a suffix. */
function findFamily(families: Map<string, PrometheusFamily>, name: string): PrometheusFamily | undefined {
  const exact = families.get(name);
  if (exact !== undefined && exact.type !== 'histogram') return exact;
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (!name.endsWith(suffix)) continue;
    const family = families.get(name.slice(0, -suffix.length));
    if (family !== undefined && (SUFFIXES[family.type] ?? []).includes(suffix)) return family;
  }
  return undefined;
}

function checkHistogram(family: PrometheusFamily): void {
  const series = new Map<string, { buckets: [number, number][]; count?: number }>();
  for (const sample of family.samples) {
    const { le, ...rest } = sample.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const entry = series.get(key) ?? { buckets: [] };
    series.set(key, entry);
    if (sample.name.endsWith('_bucket')) {
      if (le === undefined) throw new Error(`${sample.name}: bucket without le`);
      entry.buckets.push([readValue(le, `${sample.name} le`), sample.value]);
    } else if (sample.name.endsWith('_count')) entry.count = sample.value;
  }
  for (const [key, { buckets, count }] of series) {
    const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
    sorted.forEach(([, value], i) => {
      if (i > 0 && value < (sorted[i - 1]?.[1] ?? 0)) throw new Error(`${family.name}${key}: buckets not cumulative`);
    });
    const last = sorted[sorted.length - 1];
    if (last?.[0] !== Number.POSITIVE_INFINITY || last[1] !== count) {
      throw new Error(`${family.name}${key}: +Inf bucket ${last?.[1]} is not the count ${count}`);
    }
  }
}
