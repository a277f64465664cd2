import type { Row } from '../bench-types.js';

/** Formats the rows as one aligned text table: figure, baseline from the same run, and their ratio. */
export function formatBenchTable(rows: Row[]): string {
  const header = ['scenario', 'metric', 'value', 'baseline', 'ratio'];
  const cells = rows.map((row) => [
    row.scenario,
    row.metric,
    `${formatNumber(row.value)} ${row.unit}`,
    row.baseline ? `${formatNumber(row.baseline.value)} ${row.unit} (${row.baseline.label})` : '',
    row.baseline ? formatRatio(row.value, row.baseline.value) : '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]?.length ?? 0)));
  const isNumeric = [false, false, true, true, true];
  const formatLine = (line: string[]) =>
    line.map((cell, column) => (isNumeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ');
  return [formatLine(header), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.map(formatLine)].join('\n');
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(2);
}

function formatRatio(value: number, baselineValue: number): string {
  if (baselineValue === 0 || !Number.isFinite(value / baselineValue)) return '';
  return `${(value / baselineValue).toFixed(2)}x`;
}
