import { WebClient } from '@slack/web-api';
import { SIZES } from '../../src/bot.js';
import { withBenchBot } from './bench-bot.js';
import { incidentsWithHeader, slash } from './bench-slack.js';
import { type Row, seconds, timesOf } from './report.js';
import { closedLoop, timed, until } from './stats.js';

const BURST = 100;
const SLACK_LATENCY_MS = 50;

/**
 * A burst of 100 `/incident open <title>` at once, timed until every channel and header exists,
 * with Slack answering each call in 50 ms; beside the Slack calls alone (create the channel, post
 * the header) issued by a bare loop with the bot's own concurrency (the outbox drains).
 */
export function benchOpenBurst(): Promise<Row[]> {
  return withBenchBot({}, async ({ target, slack, database }) => {
    slack.setLatency('*', SLACK_LATENCY_MS);
    const ours = await timed(async () => {
      await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          slash(target, `open Burst ${i}`, `U0R${i}`, { responseUrl: slack.responseUrl() }),
        ),
      );
      await until(
        'every channel and header of the burst',
        async () => (await incidentsWithHeader(database.db)) === BURST,
      );
    });
    const client = new WebClient('xoxb-floor', { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
    const floor = await timed(() =>
      closedLoop(BURST, SIZES.outboxDrains, async (i) => {
        const created = await client.conversations.create({ name: `floor-${i}` });
        await client.chat.postMessage({ channel: created.channel?.id ?? '', text: `Floor ${i}` });
      }),
    );
    return [
      {
        figure: `opens in a burst of ${BURST}, until every channel and header exists (Slack at ${SLACK_LATENCY_MS} ms a call)`,
        ours: `${seconds(ours)} (${((BURST / ours) * 1000).toFixed(1)}/s)`,
        floor: `${seconds(floor)} (create + post, bare loop, ${SIZES.outboxDrains} at a time as the outbox drains)`,
        ratio: `${timesOf(ours, floor)} the floor's time`,
        target: "≤ 2× the floor's time",
        met: ours <= 2 * floor,
      },
    ];
  });
}
