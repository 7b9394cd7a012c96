/** One sample of a Prometheus text exposition: `name{label="value",…} value`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** The samples of a Prometheus text exposition (format 0.0.4), comments left out. */
export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const [, name, labelText = '', value] = match;
    const labels: Record<string, string> = {};
    for (const [, label, labelValue] of labelText.matchAll(LABEL))
      labels[label] = labelValue.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    samples.push({ name, labels, value: Number(value) });
  }
  return samples;
}

const matching = (samples: readonly Sample[], name: string, labels: Record<string, string>) =>
  samples.filter(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([label, value]) => sample.labels[label] === value),
  );

/** The value of the one sample named `name` whose labels include `labels`; throws unless one. */
export function valueOf(
  samples: readonly Sample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  const found = matching(samples, name, labels);
  if (found.length !== 1) {
    throw new Error(
      `${found.length} samples of ${name}${JSON.stringify(labels)}; ` +
        `those named so: ${JSON.stringify(samples.filter((s) => s.name === name))}`,
    );
  }
  return found[0].value;
}

/** A counter's value, 0 before its first increment (when it has no sample yet). */
export function counterOf(
  samples: readonly Sample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  return matching(samples, name, labels).length ? valueOf(samples, name, labels) : 0;
}
