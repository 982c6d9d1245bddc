import { describe, expect, it } from 'vitest';
import { useBot } from '../support/incident-driver.js';

const REPORTER = 'U0REP';
const DANA = 'U0DANA';
const PRIYA = 'U0PRIYA';
const KIM = 'U0KIM';

/**
 * Changes everyone should see: a role handed on, the severity, the status. Each one says so in the
 * channel in one line; a new commander is briefed by direct message; a new stage asks whoever
 * speaks to stakeholders to post an update.
 */
describe('changes made visible', () => {
  const { t, drive } = useBot();

  /** What the bot posted in a channel, as text with its blocks, oldest first. */
  const said = (channel: string) =>
    drive
      .posted(channel)
      .map((call) => `${String(call.args.text)} ${JSON.stringify(call.args.blocks ?? '')}`);
  const afterEvent = async (incidentId: string, type: string, count: number) => {
    await expect.poll(async () => (await drive.events(incidentId, type)).length).toBe(count);
    await t.outboxSettled();
  };

  it('says in the channel who handed commander to whom, and briefs the new commander', async () => {
    const incident = await drive.openSettled('Checkout errors spiking', REPORTER);
    await drive.slash('hypothesis The 13:55 deploy broke retries', REPORTER, incident.channel);
    await drive.slash('action Roll back the checkout deploy <@U0KIM>', REPORTER, incident.channel);
    await drive.click(incident, 'role.take', DANA, 'commander');
    await afterEvent(incident.id, 'RoleAssigned', 1);
    expect(said(incident.channel).some((text) => text.includes('<@U0DANA> took the commander role.'))).toBe(
      true,
    );

    await drive.click(incident, 'role.assign.commander', DANA, { blockId: 'assign', selectedUser: PRIYA });
    await afterEvent(incident.id, 'RoleAssigned', 2);
    expect(said(incident.channel)).toContainEqual(
      expect.stringContaining('<@U0DANA> handed commander to <@U0PRIYA>.'),
    );

    const briefs = drive.posted(t.slack.workspace.imWith(PRIYA).id).map((call) => JSON.stringify(call.args));
    expect(briefs).toHaveLength(1);
    const brief = briefs[0] ?? '';
    expect(brief).toContain('You are now commander of INC-');
    expect(brief).toContain('<@U0DANA> handed it to you.');
    // What the incident knows: the open action and its owner, what is ruled out, the next timer.
    expect(brief).toContain('Roll back the checkout deploy: <@U0KIM>');
    expect(brief).toContain('Ruled out');
    expect(brief).toContain('Next timer');
    expect(brief).toContain(`<#${incident.channel}>`);
    // Dana took the role before anyone handed it on: she was briefed too, once.
    expect(drive.posted(t.slack.workspace.imWith(DANA).id)).toHaveLength(1);
  });

  it('says when the severity changes, and why, with the reason escaped', async () => {
    const incident = await drive.openSettled('Payments slow', REPORTER);
    await drive.click(incident, 'role.take', DANA, 'commander');
    await afterEvent(incident.id, 'RoleAssigned', 1);
    expect(
      await drive.slash('severity SEV1 checkout fully down <!channel>', DANA, incident.channel),
    ).toContain('SEV1');
    await afterEvent(incident.id, 'SeverityChanged', 1);
    const notice = said(incident.channel).find((text) => text.includes('Severity pending → SEV1'));
    expect(notice).toContain('Severity pending → SEV1 by <@U0DANA>: checkout fully down &lt;!channel&gt;.');
    expect(notice).not.toContain('<!channel>');
  });

  it('says when the status changes, and asks the communicator to post an update for the stage', async () => {
    const incident = await drive.openSettled('Search returns nothing', REPORTER);
    await drive.click(incident, 'role.take', DANA, 'commander');
    await drive.click(incident, 'role.take', KIM, 'communicator');
    await afterEvent(incident.id, 'RoleAssigned', 2);
    await drive.click(incident, 'status.set', DANA, { selectedOption: 'identified' });
    await afterEvent(incident.id, 'StatusChanged', 1);

    const texts = said(incident.channel);
    expect(texts).toContainEqual(expect.stringContaining('Status: investigating → identified by <@U0DANA>.'));
    const prompt = drive
      .posted(incident.channel)
      .find((call) => String(call.args.text).includes('Post an update for this stage?'));
    expect(String(prompt?.args.text)).toContain('<@U0KIM>: INC-');
    expect(String(prompt?.args.text)).toContain('is now *identified*');

    // Its button opens the stakeholder update draft for the new stage.
    const ts = String((prompt?.response as { ts?: string } | undefined)?.ts);
    const modal = await drive.modalAfter(() =>
      drive.clickOn({ channel: incident.channel, ts }, 'update.draft', KIM, { value: 'draft' }),
    );
    expect(modal.view.callback_id).toBe('incident.update');
  });

  it('asks the commander when nobody is communicator', async () => {
    const incident = await drive.openSettled('Uploads stuck', REPORTER);
    await drive.click(incident, 'role.take', DANA, 'commander');
    await afterEvent(incident.id, 'RoleAssigned', 1);
    await drive.slash('note moving on', DANA, incident.channel);
    await drive.click(incident, 'status.set', DANA, { selectedOption: 'monitoring' });
    await afterEvent(incident.id, 'StatusChanged', 1);
    expect(said(incident.channel)).toContainEqual(
      expect.stringMatching(/<@U0DANA>: INC-\d+ is now \*monitoring\*\. Post an update for this stage\?/),
    );
  });
});
