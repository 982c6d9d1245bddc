import { postmortemSummaryMessage } from '../../src/adapters/slack/views/postmortem-messages.js';
import {
  type OpenedIncident,
  postmortemDraft,
  renderPostmortemMarkdown,
  replay,
} from '../../src/domain/index.js';
import { longIncidentHistory } from '../fixtures/incident-history.js';
import { BENCH_POLICY } from './bench-incidents.js';
import { ms, type Row, timesOf } from './report.js';
import { latencies } from './stats.js';

const EVENTS = 2_000;
const RUNS = 100;

/**
 * The postmortem draft of a 2,000-event incident: replay to state, the draft, its Markdown file and
 * the Slack summary message. The issue sets no floor; the replay alone is shown beside it as one.
 */
export async function benchPostmortemDraft(): Promise<Row[]> {
  const events = longIncidentHistory(EVENTS - 18);
  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    replay(events);
    floor.push(performance.now() - t0);
    t0 = performance.now();
    const state = replay(events) as OpenedIncident;
    const draft = postmortemDraft(state, events, BENCH_POLICY);
    renderPostmortemMarkdown(draft);
    postmortemSummaryMessage(draft, '00000000-0000-4000-8000-000000000042', 'C0INC');
    ours.push(performance.now() - t0);
  }
  const o = latencies(ours);
  const f = latencies(floor);
  return [
    {
      figure: `postmortem draft of a ${EVENTS.toLocaleString('en')}-event incident (draft, Markdown, summary), p50 / p99`,
      ours: `${ms(o.p50)} / ${ms(o.p99)}`,
      floor: `${ms(f.p50)} / ${ms(f.p99)} (the replay alone)`,
      ratio: `p99 ${timesOf(o.p99, f.p99)}`,
      target: '≤ 200 ms',
      met: o.p99 <= 200,
    },
  ];
}
