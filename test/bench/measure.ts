/** Latency figures of a repeated async operation, in milliseconds. */
export interface Figures {
  readonly name: string;
  readonly runs: number;
  readonly opsPerSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

export async function measure(
  name: string,
  runs: number,
  operation: (i: number) => Promise<unknown>,
  concurrency = 1,
): Promise<Figures> {
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < runs) {
        const i = next++;
        const t0 = performance.now();
        await operation(i);
        durations.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0;
  return { name, runs, opsPerSecond: (runs / elapsed) * 1000, p50: at(0.5), p95: at(0.95), max: at(1) };
}

export function printTable(rows: readonly Figures[]): void {
  const header = ['benchmark', 'runs', 'ops/s', 'p50 ms', 'p95 ms', 'max ms'];
  const lines = rows.map((r) => [
    r.name,
    String(r.runs),
    r.opsPerSecond.toFixed(0),
    r.p50.toFixed(2),
    r.p95.toFixed(2),
    r.max.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}
