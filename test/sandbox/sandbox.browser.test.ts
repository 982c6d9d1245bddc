import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteQueueKeys } from '../support/queue-keys.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { launchChromium } from './browser.js';
import { type SandboxProcess, startSandboxProcess } from './sandbox-process.js';

const SHOTS = 'test-results/sandbox';
/** Fast enough for a quick test: the 10-minute hold lasts 6 s, escalation comes at 18 s. */
const SPEED = 100;
const SEEN_WITHIN = 30_000;
/** The bot's clock starts on a Tuesday morning, so nothing here depends on when the suite runs. */
const STARTS_AT = '2026-06-16T10:00:00+02:00';

/**
 * `npm run sandbox` in a browser: a whole incident clicked through the page as people would, the
 * real bot answering signed Slack requests, its timers firing sped up.
 */
describe('the sandbox, in Chromium', () => {
  let database: TestDatabase;
  let sandbox: SandboxProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const queuePrefix = `ic-test-sandbox-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    browser = await launchChromium();
    database = await createTestDatabase();
    sandbox = await startSandboxProcess(['--port', '0', '--speed', String(SPEED), '--start-at', STARTS_AT], {
      DATABASE_URL: database.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: 'warn',
    });
    await rm(SHOTS, { recursive: true, force: true });
    await mkdir(SHOTS, { recursive: true });
    page = await openPage(browser.context, sandbox.url);
  });
  afterAll(async () => {
    await browser?.close();
    const exit = await sandbox?.stop();
    await database?.drop();
    await deleteQueueKeys(inject('redisUrl'), queuePrefix);
    // A clean stop on SIGTERM: everything it opened was closed.
    expect(exit).toBe(0);
  });

  let step = 0;
  const shot = (name: string) =>
    page.screenshot({ path: `${SHOTS}/${String(++step).padStart(2, '0')}-${name}.png` });
  const message = (text: string) => page.locator('.message-list > .message', { hasText: text });
  const actAs = (userId: string) => page.selectOption('#acting-as', userId);
  const openChannel = (name: string) => page.locator('.channel-entry', { hasText: name }).click();
  const channelHeader = (name: string) =>
    expect
      .poll(() => page.locator('.channel-header h2').textContent(), { timeout: SEEN_WITHIN })
      .toContain(name);
  const modal = (title: string) => page.getByRole('dialog', { name: title });

  it('runs an incident: open, take commander, hypothesis, hold over, escalation, update, resolve, postmortem draft', async () => {
    await expect
      .poll(() => page.locator('.banner').textContent(), { timeout: SEEN_WITHIN })
      .toContain('local development tool');

    // The reporter opens it from #general with the slash command.
    await actAs('U0RILEY');
    await openChannel('general');
    await page.fill('#message-box', '/incident open Payments failing');
    await page.press('#message-box', 'Enter');
    await message('Opened INC-1').waitFor({ timeout: SEEN_WITHIN });
    await expect
      .poll(() => message('Opened INC-1').textContent(), { timeout: SEEN_WITHIN })
      .toContain('Only visible to you');
    await shot('opened');

    // The commander takes the role from the pinned header.
    await actAs('U0CASEY');
    await openChannel('inc-1-payments-failing');
    await channelHeader('inc-1-payments-failing');
    const header = page.locator('.message.pinned').first();
    await header.getByRole('button', { name: 'Take commander' }).click();
    await expect.poll(() => header.textContent(), { timeout: SEEN_WITHIN }).toContain('Commander: @casey');
    await expect
      .poll(() => page.locator('.timers').textContent(), { timeout: SEEN_WITHIN })
      .toContain('Escalation');
    await shot('commander');

    // A hypothesis through the modal.
    await header.getByRole('button', { name: 'Add hypothesis' }).click();
    const hypothesis = modal('Add hypothesis');
    await hypothesis.getByLabel('What do you suspect?').fill('The 14:00 payments deploy broke card retries');
    await shot('hypothesis-modal');
    await hypothesis.getByRole('button', { name: 'Add' }).click();
    await hypothesis.waitFor({ state: 'hidden', timeout: SEEN_WITHIN });
    await expect
      .poll(() => header.textContent(), { timeout: SEEN_WITHIN })
      .toContain('The 14:00 payments deploy broke card retries');

    // People's messages go on the timeline: a 📌 reaction captures one; the shortcut then finds it there.
    await page.fill('#message-box', 'Card declines spiked at 14:02 in the EU');
    await page.press('#message-box', 'Enter');
    const observation = message('Card declines spiked at 14:02 in the EU');
    await observation.waitFor({ timeout: SEEN_WITHIN });
    await observation.hover();
    await observation.getByRole('button', { name: 'React with pushpin' }).click();
    await expect.poll(() => observation.textContent(), { timeout: SEEN_WITHIN }).toContain('📌 1');
    await observation.hover();
    await observation.getByRole('button', { name: /Add to timeline/ }).click();
    await message('That message is already on the timeline.').waitFor({ timeout: SEEN_WITHIN });
    await shot('captured');

    // App Home shows the commander their role.
    await openChannel('incident-commander Home');
    await expect
      .poll(() => page.locator('.home').textContent(), { timeout: SEEN_WITHIN })
      .toContain('Commander of INC-1');
    await shot('home');
    await openChannel('inc-1-payments-failing');

    // The sped-up hold ends, then the escalation comes.
    await message('The diagnosis hold is over').waitFor({ timeout: SEEN_WITHIN });
    await shot('hold-over');
    await message('you are paged in').waitFor({ timeout: SEEN_WITHIN });
    await actAs('U0VAL');
    const dm = page.locator('.channel-entry', { hasText: 'incident-commander' }).last();
    await expect.poll(() => dm.getAttribute('class'), { timeout: SEEN_WITHIN }).toMatch(/unread/);
    await dm.click();
    await message('is escalated to you').waitFor({ timeout: SEEN_WITHIN });
    await shot('vp-dm');

    // A stakeholder update, drafted by the bot and posted from its modal.
    await actAs('U0CASEY');
    await openChannel('inc-1-payments-failing');
    await header.getByRole('button', { name: 'Post update' }).click();
    const update = modal('Update on INC-1');
    expect(await update.getByLabel('Update for stakeholders').inputValue()).toMatch(
      /The team is investigating/,
    );
    await shot('update-modal');
    await update.getByRole('button', { name: 'Post update' }).click();
    await update.waitFor({ state: 'hidden', timeout: SEEN_WITHIN });
    await openChannel('status-updates');
    await message('The team is investigating').waitFor({ timeout: SEEN_WITHIN });
    await shot('update-posted');

    // Resolve: a required field left empty, then only spaces (Slack lets them through; the bot's
    // refusal comes back under the field), then the summary; it escalated, so the postmortem is
    // not asked for: it is owed.
    await openChannel('inc-1-payments-failing');
    await header.getByRole('button', { name: 'Resolve' }).click();
    const resolve = modal('Resolve incident');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await expect
      .poll(() => resolve.textContent(), { timeout: SEEN_WITHIN })
      .toContain('Please complete this required field.');
    // Opened from the slash command, its severity is still pending: the form asks for it.
    await resolve.getByLabel('Severity (still pending)').selectOption('SEV3');
    await resolve.getByLabel('What fixed it?').fill('   ');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await expect
      .poll(() => resolve.locator('.input-error').textContent(), { timeout: SEEN_WITHIN })
      .toContain('resolution summary');
    await shot('refused');
    await resolve.getByLabel('What fixed it?').fill('Rolled back the payments deploy');
    await expect
      .poll(() => resolve.textContent(), { timeout: SEEN_WITHIN })
      .toContain('This incident escalated, so it gets a postmortem');
    await shot('resolve-modal');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await resolve.waitFor({ state: 'hidden', timeout: SEEN_WITHIN });
    await message('resolved by').waitFor({ timeout: SEEN_WITHIN });

    // The postmortem draft, with the whole draft as a file in its thread.
    await openChannel('postmortems');
    const draft = message('Postmortem draft: INC-1');
    await draft.waitFor({ timeout: SEEN_WITHIN });
    await draft.getByRole('button', { name: /1 reply/ }).click();
    await expect
      .poll(() => draft.locator('.file-card').textContent(), { timeout: SEEN_WITHIN })
      .toContain('postmortem-inc-1');
    await expect
      .poll(() => draft.textContent(), { timeout: SEEN_WITHIN })
      .toContain('Card declines spiked at 14:02');
    await shot('postmortem-draft');
  }, 120_000);
});

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  await page.locator('.sidebar').waitFor();
  if (problems.length > 0) throw new Error(`the page failed: ${problems.join('; ')}`);
  return page;
}
