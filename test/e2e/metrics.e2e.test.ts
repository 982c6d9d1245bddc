import { describe, expect, it } from 'vitest';
import { useBot } from '../support/incident-driver.js';

const DANA = 'U0DANA';

/** The value of one Prometheus sample in /metrics text, 0 when it has not been exported yet. */
async function sample(baseUrl: string, name: string, labels: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('/metrics', () => {
  const { t, drive } = useBot();

  it('counts every command where it is handled, by type and result', async () => {
    const incident = await drive.open('Metrics counted', DANA);
    const accepted = () =>
      sample(t.baseUrl, 'incident_commands_total', 'type="ProposeHypothesis",outcome="accepted"');
    const rejected = () =>
      sample(t.baseUrl, 'incident_commands_total', 'type="ProposeHypothesis",outcome="rejected"');
    expect(await sample(t.baseUrl, 'incident_commands_total', 'type="OpenIncident",outcome="accepted"')).toBe(
      1,
    );
    const before = { accepted: await accepted(), rejected: await rejected() };

    const slash = (text: string) => drive.slash(text, DANA, incident.channel);
    await slash('hypothesis The cache is cold');
    await slash('hypothesis The cache is cold, again');
    await slash(`hypothesis ${'x'.repeat(501)}`);

    expect(await accepted()).toBe(before.accepted + 2);
    expect(await rejected()).toBe(before.rejected + 1);
  });
});
