import { describe, expect, it } from 'vitest';
import { figureBlocks } from '../../../src/adapters/slack/views/figures.js';
import { renderHeader } from '../../../src/adapters/slack/views/header.js';
import { renderHome } from '../../../src/adapters/slack/views/home.js';
import { figuresFor } from '../../../src/app/figures.js';
import type { StoredIncident } from '../../../src/app/ports/incident-store.js';
import { type IncidentEvent, type OpenedIncident, replay } from '../../../src/domain/index.js';
import { blockKitProblems } from '../../support/block-kit-limits.js';
import { at, opened, POLICY } from '../domain/spec.js';

const long = (i: number) =>
  `Hypothesis number ${i}: ${'the connection pool to the primary database is exhausted under load '.repeat(5)}`;

function crowdedIncident(count: number): OpenedIncident {
  const events: IncidentEvent[] = [
    opened({ title: 'T'.repeat(150) }),
    { type: 'HoldEnded', at: at(10), by: 'system' },
  ];
  for (let i = 0; i < count; i++) {
    events.push({ type: 'HypothesisProposed', at: at(11), by: 'U1', hypothesisId: `h${i}`, text: long(i) });
    events.push({
      type: 'ActionStarted',
      at: at(11),
      by: 'U1',
      actionId: `a${i}`,
      text: long(i),
      owner: `U${i}`,
      hypothesisId: null,
      wasProposed: false,
    });
  }
  return replay(events) as OpenedIncident;
}

describe('Block Kit limits', () => {
  it('keep the header within a message’s limits with 100 hypotheses and 100 actions, summarising the rest', () => {
    const header = renderHeader(crowdedIncident(100), { policy: POLICY, command: '/incident' });
    expect(blockKitProblems(header.blocks, 'message')).toEqual([]);
    const text = JSON.stringify(header.blocks);
    expect(text).toContain('…and 94 more');
    expect(text).toContain('Add hypothesis');
  });

  it('keep the App Home within its limits with 100 open incidents', () => {
    const incidents: StoredIncident[] = Array.from({ length: 100 }, (_, i) => ({
      id: `i${i}`,
      teamId: 'T1',
      number: i + 1,
      state: crowdedIncident(1),
      version: 3,
      channelId: `C${i}`,
      channelName: null,
      headerTs: null,
      announcement: null,
    }));
    const followUps = Array.from({ length: 40 }, (_, i) => ({
      incidentId: `i${i}`,
      number: i + 1,
      followUp: {
        id: `f${i}`,
        title: long(i).slice(0, 200),
        owner: 'U1',
        due: '2026-12-01',
        rank: 1 as const,
        control: false,
        runbook: false,
        status: 'open' as const,
        closedAt: null,
        dropReason: null,
        remindedBefore: false,
        remindedOverdue: false,
      },
    }));
    const figures = [30, 90].map((days) =>
      figuresFor(
        incidents.map((i) => ({ state: i.state as OpenedIncident, updateTimes: [] })),
        { now: at(60), days, policy: POLICY, timezone: 'UTC' },
      ),
    );
    const home = renderHome('U1', incidents, '/incident', { followUps, figures: figureBlocks(figures) });
    expect(blockKitProblems(home.blocks, 'home')).toEqual([]);
    expect(JSON.stringify(home.blocks)).toContain('more.');
    expect(JSON.stringify(home.blocks)).toContain('Your follow-ups* (40 open)');
    expect(JSON.stringify(home.blocks)).toContain('Median time to commander');
  });

  it('the checker itself catches an oversized payload', () => {
    const blocks = Array.from({ length: 51 }, () => ({
      type: 'section',
      text: { type: 'mrkdwn', text: 'x'.repeat(3001) },
    }));
    expect(blockKitProblems(blocks, 'message').length).toBeGreaterThan(2);
  });
});
