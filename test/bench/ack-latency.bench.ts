import { App, HTTPReceiver } from '@slack/bolt';
import type { SlackHttpResult, SlackRequestTarget } from '../support/slack-requests.js';
import { BENCH_SIGNING_SECRET, withBenchBot } from './bench-bot.js';
import { type BenchIncident, openThroughSlack, pickRole, sendBenchSlash, takeRole } from './bench-slack.js';
import { openLoop } from './open-loop.js';
import { ms, type Row, timesOf } from './report.js';
import { type Latencies, latencies } from './stats.js';

const RATE = 50;
const DURATION_MS = 30_000;
const COMMANDER = 'U0CMDR';

/**
 * Ack latency in HTTP mode with signed requests, at 50 requests/s for 30 s (open loop): our
 * `/incident open <title>` (saved before the ack) and a role pick on the header, beside a bare Bolt
 * app on the same receiver whose one listener only acks, under the same load.
 */
export async function benchAckLatency(): Promise<Row[]> {
  const bare = await startBareBolt();
  try {
    const floorOpen = await underLoad((i) => sendBenchSlash(bare.target, `open Bare ${i}`, 'U0BARE'));
    const floorClick = await underLoad((i) =>
      pickRole(bare.target, BARE_INCIDENT, COMMANDER, 'scribe', `U0S${i}`),
    );
    // A bot of its own for each load, so the clicks do not queue behind the opens' Slack work.
    const oursOpen = await withBenchBot({}, ({ target }) =>
      underLoad((i) => sendBenchSlash(target, `open Load ${i}`, `U0R${i % 20}`)),
    );
    const oursClick = await withBenchBot({}, async ({ target, database }) => {
      const incident = await openThroughSlack(target, database.db, 'Role picks under load', COMMANDER);
      await takeRole(target, incident, COMMANDER, 'commander');
      return underLoad((i) => pickRole(target, incident, COMMANDER, 'scribe', `U0S${i}`));
    });
    return [
      row('ack of `/incident open <title>`', oursOpen, floorOpen),
      row('ack of a role pick on the header', oursClick, floorClick),
    ];
  } finally {
    await bare.stop();
  }
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

const BARE_INCIDENT: BenchIncident = { id: 'bare', channel: 'C0BARE', headerTs: '1.000001' };

/** A Bolt app on the receiver the bot uses (HTTPReceiver, answering when the listener is done). */
async function startBareBolt(): Promise<{ target: SlackRequestTarget; stop: () => Promise<void> }> {
  const receiver = new HTTPReceiver({
    signingSecret: BENCH_SIGNING_SECRET,
    endpoints: '/slack/events',
    processBeforeResponse: true,
  });
  const app = new App({
    token: 'xoxb-bare',
    receiver,
    botUserId: 'UBARE',
    botId: 'BBARE',
    tokenVerificationEnabled: false,
  });
  app.command('/incident', async ({ ack }) => ack());
  app.action(/.*/, async ({ ack }) => ack());
  const server = (await app.start(0)) as unknown as { address(): { port: number } };
  const port = server.address().port;
  return {
    target: { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: BENCH_SIGNING_SECRET },
    stop: () => app.stop().then(() => {}),
  };
}
