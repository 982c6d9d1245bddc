import { writeFile } from 'node:fs/promises';
import os from 'node:os';

/**
 * One row of the results: our figure beside the floor it cannot beat, measured in the same run,
 * so the ratio means something on a shared machine whose absolute figures drift threefold.
 */
export interface Row {
  readonly figure: string;
  readonly ours: string;
  readonly floor: string;
  /** Ours relative to the floor, worded for the figure ("52% of the floor", "1.4× the floor's time"). */
  readonly ratio: string;
  readonly target: string;
  readonly met: boolean;
}

/** What the results file says about the machine, so two files can be compared honestly. */
export function machine(now = new Date()): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 1024 ** 3).toFixed(1);
  return [
    `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'})`,
    `${gib} GiB memory`,
    `Node ${process.version}`,
    `load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} at the end`,
    `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  ].join(' · ');
}

/** The results as one Markdown table, with the machine line above it. */
export function renderTable(rows: readonly Row[], about: string): string {
  const header = ['figure', 'ours', 'floor (same run)', 'ratio', 'target', 'met'];
  const cells = rows.map((r) => [r.figure, r.ours, r.floor, r.ratio, r.target, r.met ? 'yes' : '**no**']);
  const line = (values: readonly string[]) =>
    `| ${values.map((v) => v.replaceAll('|', '\\|')).join(' | ')} |`;
  return [
    about,
    '',
    line(header),
    line(header.map(() => '---')),
    ...cells.map(line),
    '',
    `${rows.filter((r) => r.met).length} of ${rows.length} targets met.`,
  ].join('\n');
}

const PREAMBLE = [
  '# Benchmark results',
  '',
  'Written by `npm run bench` (real PostgreSQL and Redis on 127.0.0.1, the Slack stand-in). Every',
  'figure stands beside its floor, measured in the same run on the same services: absolute figures',
  'drift threefold between runs on shared machines, the ratios much less.',
  '',
  '',
].join('\n');

export async function writeResults(path: string, table: string): Promise<void> {
  await writeFile(path, `${PREAMBLE}${table}\n`);
}

// Formatting, so every row words its numbers the same way.
export const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
export const perSecond = (value: number): string => `${value.toFixed(0)}/s`;
export const seconds = (valueMs: number): string => `${(valueMs / 1000).toFixed(2)} s`;
export const megabytes = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
export const percentOf = (ours: number, floor: number): string =>
  floor > 0 ? `${((ours / floor) * 100).toFixed(0)}%` : 'n/a';
export const timesOf = (ours: number, floor: number): string =>
  floor > 0 ? `${(ours / floor).toFixed(2)}×` : 'n/a';
