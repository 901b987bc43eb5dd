/**
 * The one table `npm run bench` prints: every bench module returns rows, `run.ts`
 * prints them together. A row is a measure with its median over the runs, the spread
 * (min–max), and the target it is held to, if any.
 */
export interface BenchRow {
  group: string;
  measure: string;
  median: string;
  spread: string;
  target: string;
  /** Whether the median meets the target; undefined when there is none. */
  met?: boolean;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const upperMiddle = (values: number[]) => [...values].sort((a, b) => a - b)[values.length / 2]!;

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A row from raw values: median, min–max, and `≤ target` (met when the median is at most it). */
export function summarize(options: {
  group: string;
  measure: string;
  values: number[];
  /** `×`: a factor, shown to one decimal. */
  unit: 'ms' | 'KB' | '×' | '';
  target?: number;
  /** How to show 0 (e.g. "< 50" for long tasks, which the browser reports only above 50 ms). */
  zeroMeans?: string;
}): BenchRow {
  const { values, unit, target, zeroMeans } = options;
  const show = (value: number) => {
    if (value === 0 && zeroMeans) return zeroMeans;
    if (unit === 'KB') return kb(value);
    if (unit === '×') return `${value.toFixed(1)}×`;
    return `${Math.round(value)}${unit ? ` ${unit}` : ''}`;
  };
  // A 0 stands for "below the threshold", not a number to average: of an even count, the
  // upper middle value, so two passes of 0 and 72 ms read 72, not 36.
  const mid = zeroMeans && values.length % 2 === 0 ? upperMiddle(values) : median(values);
  const spread =
    values.length > 1 ? `${show(Math.min(...values))} – ${show(Math.max(...values))}` : '';
  return {
    group: options.group,
    measure: options.measure,
    median: show(mid),
    spread,
    target: target === undefined ? '' : `≤ ${unit === 'KB' ? kb(target) : show(target)}`,
    met: target === undefined ? undefined : mid <= target,
  };
}

/** Prints `rows` as a Markdown table (paste-able into the README), grouped as given. */
export function printTable(rows: BenchRow[]): void {
  const header = ['', 'Measure', 'Median', 'Spread (min – max)', 'Target', 'Met'];
  const lines = rows.map((row, i) => [
    i === 0 || rows[i - 1]!.group !== row.group ? row.group : '',
    row.measure,
    row.median,
    row.spread,
    row.target,
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const format = (cells: string[]) =>
    `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(format(header));
  console.log(format(widths.map((w) => '-'.repeat(w))));
  for (const line of lines) console.log(format(line));
}
