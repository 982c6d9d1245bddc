import { beforeAll, describe, expect, it } from 'vitest';
import { type DrivenIncident, useBot } from '../support/incident-driver.js';

const ALEX = 'U0ALEX';
/** Long enough to rule two causes out before it ends, short enough to wait for. */
const HOLD_SECONDS = 10;

describe('what was ruled out, wherever people look', () => {
  const { t, drive } = useBot({ env: { DIAGNOSIS_HOLD: `PT${HOLD_SECONDS}S` } });
  let incident: DrivenIncident;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    incident = await drive.open('API latency high', ALEX);
    for (const [name, text] of [
      ['dns', 'DNS lookups are slow'],
      ['cache', 'Cache <config> was changed'],
      ['db', 'The database is saturated'],
    ] as const) {
      await drive.slash(`hypothesis ${text}`, ALEX, incident.channel);
      ids[name] = String((await drive.lastPayload(incident.id, 'HypothesisProposed')).hypothesisId);
    }
    for (const [name, evidence] of [
      ['dns', 'dig answers in 2 ms from every node'],
      ['cache', 'config diff since Monday is empty'],
    ] as const) {
      const modal = await drive.modalAfter(() =>
        drive.click(incident, 'hypothesis.mark', ALEX, {
          blockId: 'hypothesis.0',
          selectedOption: `ruled_out|${ids[name]}`,
        }),
      );
      expect(await modal.submitText(ALEX, evidence)).toEqual({});
    }
    await t.outboxSettled();
  });

  it('the header names them, escaped, instead of counting them', async () => {
    await expect
      .poll(() => drive.header(incident))
      .toContain('Ruled out: DNS lookups are slow, Cache &lt;config&gt; was changed');
    expect(drive.header(incident)).not.toContain('ruled out or withdrawn');
  });

  it('`/incident status` lists each with the evidence that ruled it out', async () => {
    const status = await drive.slash('status', ALEX, incident.channel);
    expect(status).toContain(
      [
        '*Ruled out* (2):',
        '• DNS lookups are slow: dig answers in 2 ms from every node',
        '• Cache &lt;config&gt; was changed: config diff since Monday is empty',
      ].join('\n'),
    );
  });

  it('the hold-end summary lists them with their evidence, so nobody tests them again', async () => {
    const summary = async () =>
      drive
        .posted(incident.channel)
        .find((call) => String(call.args.text).includes('diagnosis hold is over'));
    await expect.poll(summary, { timeout: (HOLD_SECONDS + 10) * 1000 }).toBeDefined();
    const blocks = JSON.stringify((await summary())?.args.blocks);
    expect(blocks).toContain('• DNS lookups are slow: dig answers in 2 ms from every node');
    expect(blocks).toContain('• Cache &lt;config&gt; was changed: config diff since Monday is empty');
    expect(blocks).toContain('The database is saturated');
  });
});
