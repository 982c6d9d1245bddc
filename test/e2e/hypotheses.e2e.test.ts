import { beforeAll, describe, expect, it } from 'vitest';
import { useBotWithIncident } from '../support/incident-driver.js';

const ALEX = 'U0ALEX';

describe('the hypothesis lifecycle from the header', () => {
  const { t, drive, incident } = useBotWithIncident('API latency high', ALEX);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    for (const [name, text] of [
      ['db', 'The database is saturated'],
      ['dns', 'DNS lookups are slow'],
    ]) {
      await drive.slash(`hypothesis ${text}`, ALEX, incident.channel);
      ids[name ?? ''] = String((await drive.lastPayload(incident.id, 'HypothesisProposed')).hypothesisId);
    }
    await t.outboxSettled();
  });

  const statuses = async () =>
    Object.fromEntries((await drive.state(incident.id)).hypotheses.map((h) => [h.id, h.status]));

  const choose = (value: string) =>
    drive.click(incident, 'hypothesis.mark', ALEX, { blockId: 'hypothesis.0', selectedOption: value });

  async function withEvidence(value: string, evidence: string) {
    const modal = await drive.modalAfter(() => choose(value));
    expect(modal.view.callback_id).toBe('hypothesis.evidence');
    return modal.submitText(ALEX, evidence);
  }

  it('lists each hypothesis with its menu', async () => {
    const header = drive.header(incident);
    expect(header).toContain('The database is saturated');
    expect(header).toContain(`testing|${ids.db}`);
  });

  it('moves proposed → testing at once', async () => {
    await choose(`testing|${ids.db}`);
    await expect.poll(statuses).toMatchObject({ [ids.db ?? '']: 'testing' });
  });

  it('rules out and confirms only with evidence, shown on the timeline', async () => {
    expect(await withEvidence(`ruled_out|${ids.dns}`, ' ')).toMatchObject({ response_action: 'errors' });
    expect(await withEvidence(`ruled_out|${ids.dns}`, 'dig answers in 2 ms from every node')).toEqual({});
    expect(await withEvidence(`confirmed|${ids.db}`, 'CPU at 100% on the primary since 14:02')).toEqual({});
    expect(await statuses()).toEqual({ [ids.db ?? '']: 'confirmed', [ids.dns ?? '']: 'ruled_out' });
    const evidence = await drive.events(incident.id, 'HypothesisUpdated');
    expect(evidence.map((e) => (e.payload as { evidence: string | null }).evidence)).toEqual([
      null,
      'dig answers in 2 ms from every node',
      'CPU at 100% on the primary since 14:02',
    ]);
  });

  it('withdraws a confirmation with a reason', async () => {
    expect(await withEvidence(`withdrawn|${ids.db}`, 'Latency persists after failover')).toEqual({});
    expect(await statuses()).toMatchObject({ [ids.db ?? '']: 'withdrawn' });
    await t.outboxSettled();
    expect(drive.header(incident)).toContain('Ruled out: DNS lookups are slow. Withdrawn: 1.');
  });
});
