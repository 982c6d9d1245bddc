import { beforeAll, describe, expect, it } from 'vitest';
import { useBot } from '../support/incident-driver.js';

const ANNOUNCE = 'C0ANNOUNCE';
const REPORTER = 'U0REP';
const DANA = 'U0DANA';
const ALEX = 'U0ALEX';
const STRANGER = 'U0STRANGER';

const severity = (value: string) => ({
  severity: { choice: { type: 'static_select', selected_option: { value } } },
});
const summary = (text: string) => ({ summary: { text: { value: text } } });

/** What `/incident open <title>` leaves unfinished can be finished from Slack: no dead ends. */
describe('no dead ends', () => {
  const { t, drive } = useBot({ env: { ANNOUNCE_CHANNEL: ANNOUNCE } });
  beforeAll(() => {
    t.slack.addChannel({ id: ANNOUNCE, name: 'incidents' });
  });

  const announcement = (incidentId: string) =>
    drive
      .incidentRow(incidentId)
      .then((row) =>
        JSON.stringify(t.slack.workspace.message(ANNOUNCE, String(row.announcement_ts))?.blocks),
      );
  const takeCommand = async (incident: { id: string; channel: string; headerTs: string }, userId: string) => {
    await drive.click(incident, 'role.take', userId, 'commander');
    await expect.poll(async () => (await drive.state(incident.id)).roles.commander).toBe(userId);
  };

  describe('the service', () => {
    it('is named with `/incident service <name>`, shown on the header, the announcement and the timeline', async () => {
      const incident = await drive.openSettled('Orders not shipping', REPORTER);
      expect(drive.header(incident)).toContain('Not named yet');
      expect(await drive.slash('service', REPORTER, incident.channel)).toContain('service checkout');
      expect(await drive.slash('service  fulfilment-api ', REPORTER, incident.channel)).toContain(
        'Service saved',
      );
      expect(await drive.lastPayload(incident.id, 'ServiceSet')).toMatchObject({
        from: null,
        to: 'fulfilment-api',
        asCommander: false,
      });
      await t.outboxSettled();
      expect(drive.header(incident)).toContain('fulfilment-api');
      expect(drive.header(incident)).toContain('Change service');
      expect(await announcement(incident.id)).toContain('fulfilment-api');
      expect(
        drive
          .posted(incident.channel)
          .some((c) => String(c.args.text).includes('Service named *fulfilment-api*')),
      ).toBe(true);
      expect(await drive.slash(`service ${'x'.repeat(81)}`, REPORTER, incident.channel)).toContain(
        'keep it to 80',
      );
    });

    it('is changed from the header control, by the commander only', async () => {
      const incident = await drive.openSettled('Invoices blank', REPORTER);
      await takeCommand(incident, DANA);
      const refused = t.slack.responseUrl();
      await drive.click(incident, 'service.set', ALEX, { responseUrl: refused });
      expect(await drive.toldAt(refused)).toContain('Only the commander (<@U0DANA>) can set the service');
      expect(await drive.slash('service billing', ALEX, incident.channel)).toContain('Only the commander');

      const modal = await drive.modalAfter(() => drive.click(incident, 'service.set', DANA));
      expect(modal.view.callback_id).toBe('service.set');
      expect(await modal.submitText(DANA, ' ')).toMatchObject({
        response_action: 'errors',
        errors: { text: expect.stringContaining('service name') },
      });
      expect(await modal.submitText(DANA, 'billing')).toEqual({});
      expect((await drive.state(incident.id)).service).toBe('billing');
      await t.outboxSettled();
      expect(drive.header(incident)).toContain('billing');
    });
  });

  describe('the duplicate check on `/incident open <title>`', () => {
    it('still opens, and warns with a link to the open incident that looks the same', async () => {
      const first = await drive.openSettled('Checkout errors spiking', REPORTER);
      const answer = await drive.slash('open checkout errors', ALEX);
      expect(answer).toMatch(/Opening \*INC-\d+\*/);
      const number = (await drive.incidentRow(first.id)).number;
      expect(answer).toContain(`This may be the same problem as *INC-${number}*`);
      expect(answer).toContain(`<#${first.channel}>`);
      await expect
        .poll(
          async () =>
            (await t.db.selectFrom('incidents').select('id').where('title', '=', 'checkout errors').execute())
              .length,
        )
        .toBe(1);
    });

    it('names no service, so only a similar title counts there', async () => {
      const first = await drive.openSettled('Cart is empty', REPORTER);
      await drive.slash('service storefront', REPORTER, first.channel);
      await t.outboxSettled();
      expect(await drive.slash('open Storefront 500s', ALEX)).not.toContain('This may be the same problem');
    });

    it('never names a private incident to someone who cannot see it', async () => {
      const secret = await drive.openFromForm('Leaked credentials in logs', REPORTER, {
        service: 'auth',
        flags: ['private'],
      });
      const toStranger = await drive.slash('open Leaked credentials', STRANGER);
      expect(toStranger).toMatch(/Opening \*INC-\d+\*/);
      expect(toStranger).not.toContain('same problem');
      expect(toStranger).not.toContain(secret.channel);
      // Its reporter may see it, so is told.
      const toReporter = await drive.slash('open leaked credentials again', REPORTER);
      expect(toReporter).toContain('This may be the same problem as');
      expect(toReporter).toContain(`<#${secret.channel}>`);
    });
  });

  describe('reopening', () => {
    it('works with `/incident reopen <reason>`, for the commander', async () => {
      const incident = await drive.openSettled('Emails delayed', REPORTER);
      await takeCommand(incident, DANA);
      expect(await drive.slash('reopen it is back', DANA, incident.channel)).toContain('still open');
      await drive.resolve(incident, DANA, 'Restarted the mail queue');
      await expect.poll(async () => (await drive.state(incident.id)).status).toBe('resolved');
      expect(await drive.slash('reopen', DANA, incident.channel)).toContain('Say why it is back');
      expect(await drive.slash('reopen errors again', ALEX, incident.channel)).toContain(
        'Only the commander (<@U0DANA>) can reopen',
      );
      expect(await drive.slash('reopen Queue is growing again', DANA, incident.channel)).toContain(
        'Reopened',
      );
      expect(await drive.lastPayload(incident.id, 'IncidentReopened')).toMatchObject({
        reason: 'Queue is growing again',
      });
      expect((await drive.state(incident.id)).status).toBe('investigating');
      // Said in the channel, and stakeholders, told it was resolved, are to hear it is back.
      await t.outboxSettled();
      const said = drive.posted(incident.channel).map((c) => String(c.args.text));
      expect(said).toContainEqual(expect.stringContaining('Reopened by <@U0DANA>: Queue is growing again.'));
      expect(said).toContainEqual(
        expect.stringContaining('is now *investigating*. Post an update for this stage?'),
      );
    });

    it('works from the Reopen button on the resolution message, which asks the reason', async () => {
      const incident = await drive.openSettled('Reports timing out', REPORTER);
      await takeCommand(incident, DANA);
      await drive.resolve(incident, DANA, 'Added an index');
      await t.outboxSettled();
      const resolution = drive
        .posted(incident.channel)
        .find((c) => String(c.args.text).includes('resolved by'));
      expect(JSON.stringify(resolution?.args.blocks)).toContain('incident.reopen');
      const message = {
        channel: incident.channel,
        ts: String((resolution?.response as { ts?: string } | undefined)?.ts),
      };

      const refused = t.slack.responseUrl();
      await drive.clickOn(message, 'incident.reopen', ALEX, { value: 'reopen', responseUrl: refused });
      expect(await drive.toldAt(refused)).toContain('Only the commander');

      const modal = await drive.modalAfter(() =>
        drive.clickOn(message, 'incident.reopen', DANA, { value: 'reopen' }),
      );
      expect(modal.view.callback_id).toBe('incident.reopen');
      expect(await modal.submitText(DANA, '')).toMatchObject({ response_action: 'errors' });
      expect(await modal.submitText(DANA, 'Timeouts are back at 15:10')).toEqual({});
      expect((await drive.state(incident.id)).status).toBe('investigating');
      await t.outboxSettled();
      expect(drive.header(incident)).toContain('incident.resolve');

      const again = t.slack.responseUrl();
      await drive.clickOn(message, 'incident.reopen', DANA, { value: 'reopen', responseUrl: again });
      expect(await drive.toldAt(again)).toContain('still open');
    });
  });

  describe('resolving while the severity is pending', () => {
    it('asks for the severity on the resolve form, and refuses the form without it, on that field', async () => {
      const incident = await drive.openSettled('Maps not loading', REPORTER);
      await takeCommand(incident, DANA);
      const modal = await drive.modalAfter(() => drive.click(incident, 'incident.resolve', DANA));
      expect(modal.view.blocks.map((b) => b.block_id)).toContain('severity');
      expect(await modal.submit(DANA, summary('Renewed the tile certificate'))).toMatchObject({
        response_action: 'errors',
        errors: { severity: expect.stringContaining('severity is still pending') },
      });
      expect((await drive.state(incident.id)).status).not.toBe('resolved');

      expect(
        await modal.submit(DANA, { ...summary('Renewed the tile certificate'), ...severity('SEV2') }),
      ).toEqual({});
      const state = await drive.state(incident.id);
      expect(state).toMatchObject({ status: 'resolved', severity: 'SEV2' });
      expect(await drive.lastPayload(incident.id, 'SeverityChanged')).toMatchObject({
        from: 'pending',
        to: 'SEV2',
        reason: 'set when resolving',
      });
      // SEV2 always gets a postmortem: the severity chosen decides it.
      expect(await drive.lastPayload(incident.id, 'IncidentResolved')).toMatchObject({
        postmortemRequired: true,
      });
    });

    it('does not ask once the severity is known', async () => {
      const incident = await drive.openSettled('Avatars broken', REPORTER);
      await takeCommand(incident, DANA);
      await drive.slash('severity SEV4 cosmetic only', DANA, incident.channel);
      const modal = await drive.modalAfter(() => drive.click(incident, 'incident.resolve', DANA));
      expect(modal.view.blocks.map((b) => b.block_id)).not.toContain('severity');
      expect(await modal.submit(DANA, summary('Purged the CDN'))).toEqual({});
      expect((await drive.state(incident.id)).severity).toBe('SEV4');
    });
  });
});
