import type { SlackHttpResult } from '../support/slack-requests.js';
import { withBenchProcess } from './bench-process.js';
import { type BenchIncident, openThroughSlack, pickRole, sendBenchSlash, takeRole } from './bench-slack.js';
import { openLoop } from './open-loop.js';
import { ms, type Row, timesOf } from './report.js';
import { type Latencies, latencies } from './stats.js';

const RATE = 50;
const DURATION_MS = 30_000;
const COMMANDER = 'U0CMDR';
/** The floor: a Bolt app whose one listener only acks, run as a process like the bot. */
const BARE_BOLT = 'test/bench/bare-bolt.ts';
const BARE_INCIDENT: BenchIncident = { id: 'bare', channel: 'C0BARE', headerTs: '1.000001' };

/**
 * Ack latency in HTTP mode with signed requests, at 50 requests/s for 30 s (open loop): our
 * `/incident open <title>` (saved before the ack) and a role pick on the header, beside a bare Bolt
 * app on the same receiver whose one listener only acks, under the same load.
 */
export async function benchAckLatency(): Promise<Row[]> {
  const floorOpen = await withBenchProcess(BARE_BOLT, ({ target, slack }) =>
    underLoad((i) =>
      sendBenchSlash(target, `open Bare ${i}`, 'U0BARE', { responseUrl: slack.responseUrl() }),
    ),
  );
  const floorClick = await withBenchProcess(BARE_BOLT, ({ target }) =>
    underLoad((i) => pickRole(target, BARE_INCIDENT, COMMANDER, 'scribe', `U0S${i}`)),
  );
  // A bot of its own for each load, so the clicks do not queue behind the opens' Slack work.
  const oursOpen = await withBenchProcess(undefined, ({ target, slack }) =>
    underLoad((i) =>
      sendBenchSlash(target, `open Load ${i}`, `U0R${i % 20}`, { responseUrl: slack.responseUrl() }),
    ),
  );
  const oursClick = await withBenchProcess(undefined, async (bench) => {
    const incident = await openThroughSlack(bench, 'Role picks under load', COMMANDER);
    await takeRole(bench.target, incident, COMMANDER, 'commander');
    return underLoad((i) => pickRole(bench.target, incident, COMMANDER, 'scribe', `U0S${i}`));
  });
  return [
    row('ack of `/incident open <title>`', oursOpen, floorOpen),
    row('ack of a role pick on the header', oursClick, floorClick),
  ];
}

interface UnderLoad extends Latencies {
  /** Requests Slack would have shown as failed (anything but a 200, e.g. Bolt's 404 after 3 s). */
  readonly failed: number;
}

async function underLoad(request: (i: number) => Promise<SlackHttpResult>): Promise<UnderLoad> {
  let failed = 0;
  const times = await openLoop(RATE, DURATION_MS, async (i) => {
    if ((await request(i)).status !== 200) failed += 1;
  });
  return { ...latencies(times), failed };
}

function row(what: string, ours: UnderLoad, floor: UnderLoad): Row {
  const failures = (n: UnderLoad) => (n.failed > 0 ? `, ${n.failed} not answered 200` : '');
  return {
    figure: `${what}, p50 / p99, ${RATE} req/s for ${DURATION_MS / 1000} s`,
    ours: `${ms(ours.p50)} / ${ms(ours.p99)}${failures(ours)}`,
    floor: `${ms(floor.p50)} / ${ms(floor.p99)} (bare Bolt, acks only${failures(floor)})`,
    ratio: `p99 ${timesOf(ours.p99, floor.p99)}`,
    target: 'p99 ≤ 2× the floor and < 50 ms',
    met: ours.failed === 0 && ours.p99 <= 2 * floor.p99 && ours.p99 < 50,
  };
}
