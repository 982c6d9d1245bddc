import type { RecordedCall } from '../support/slack-stand-in/index.js';
import { withBenchBot } from './bench-bot.js';
import { openThroughSlack } from './bench-slack.js';
import type { Row } from './report.js';

const SLACK_LATENCY_MS = 100;
/** A channel to post in (conversations.create), then the header in it (chat.postMessage). */
const MINIMUM = 2;

/**
 * Sequential Web API round trips between `/incident open <title>` and its header showing, with
 * Slack at 100 ms a call, read from the stand-in's call log: calls that overlap in time are one
 * round trip. Beside the least the flow needs: create the channel, then post the header in it.
 */
export function benchHeaderRoundTrips(): Promise<Row[]> {
  return withBenchBot({}, async (bench) => {
    const { slack } = bench;
    slack.setLatency('*', SLACK_LATENCY_MS);
    const sent = Date.now();
    const incident = await openThroughSlack(bench, 'Round trips to the header', 'U0REPORTER');
    const header = slack
      .callsTo('chat.postMessage')
      .find((call) => call.response.ts === incident.headerTs && call.args.channel === incident.channel);
    if (!header) throw new Error('bench: no chat.postMessage posted the header');
    const before = slack.calls.filter(
      (call) => call.method !== 'response_url' && (call.receivedAt ?? 0) >= sent && call.at <= header.at,
    );
    const trips = roundTrips(before);
    return [
      {
        figure: `sequential Web API round trips before the header shows (Slack at ${SLACK_LATENCY_MS} ms a call)`,
        ours: `${trips.length} (${trips.map((trip) => trip.join(' + ')).join(' → ')})`,
        floor: `${MINIMUM} (conversations.create → chat.postMessage)`,
        ratio: `${trips.length - MINIMUM} more than the minimum`,
        target: '≤ 4',
        met: trips.length <= 4,
      },
    ];
  });
}

/** Calls grouped into round trips: a call that starts before the previous ones end joins their trip. */
function roundTrips(calls: readonly RecordedCall[]): string[][] {
  const sorted = [...calls].sort((a, b) => (a.receivedAt ?? a.at) - (b.receivedAt ?? b.at));
  const trips: string[][] = [];
  let endOfTrip = Number.NEGATIVE_INFINITY;
  for (const call of sorted) {
    const start = call.receivedAt ?? call.at;
    const current = trips.at(-1);
    if (current && start < endOfTrip) {
      current.push(call.method);
      endOfTrip = Math.max(endOfTrip, call.at);
    } else {
      trips.push([call.method]);
      endOfTrip = call.at;
    }
  }
  return trips;
}
