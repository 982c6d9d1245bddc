/**
 * An open-loop load generator: request `i` is due at `start + i / rate`, whether or not earlier
 * ones have answered, and its latency is counted from when it was due. A closed loop (send, wait,
 * send) slows down with the server and hides exactly the queueing a person would feel.
 */
export async function openLoop(
  ratePerSecond: number,
  durationMs: number,
  request: (i: number) => Promise<unknown>,
): Promise<number[]> {
  const total = Math.round((ratePerSecond * durationMs) / 1000);
  const interval = 1000 / ratePerSecond;
  const start = performance.now() + 50;
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      request(i).then(() => {
        latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(inFlight);
  return latencies;
}
