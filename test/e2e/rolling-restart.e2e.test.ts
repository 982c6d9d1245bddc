import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/adapters/postgres/database.js';
import type { BotProcess } from '../support/bot-process.js';
import { SIGNING_SECRET } from '../support/bot-under-test.js';
import { type DrivenIncident, incidentDriver, TEAM } from '../support/incident-driver.js';
import { waitForOutboxSettled } from '../support/outbox-settled.js';
import { openTimersQueue, pendingTimerKeys } from '../support/pending-timers.js';
import { useProcessServices } from '../support/process-services.js';

const DANA = 'U0DANA';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PINO = { debug: 20, info: 30 } as const;

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly teamId?: string;
  readonly incidentId?: string;
  readonly commandId?: string;
  readonly outboxId?: number;
}

const linesOf = (bot: BotProcess): LogLine[] =>
  bot
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);

/**
 * A rolling upgrade as Kubernetes does it (maxSurge 1, maxUnavailable 0): the new process starts
 * beside the old one, then the old one gets SIGTERM while timers are pending. Every timer fires
 * once, from the new process. The old process logs at debug and the new one at info, so the test
 * also reads what a command's work logs: each line names its team, incident and command.
 */
describe('a rolling restart with timers pending', () => {
  const services = useProcessServices('rolling');

  it('loses no timer and fires each once; every log line of a command carries its team, incident and command', async () => {
    const timing = { DIAGNOSIS_HOLD: 'PT9S', ESCALATE_AFTER: 'PT11S', UPDATE_CADENCE: 'SEV1=PT0S,SEV2=PT0S' };
    const db = createDatabase({ connectionString: services.database.url, maxConnections: 2 });
    const queue = openTimersQueue(services.queuePrefix);
    let old: BotProcess | null = null;
    let next: BotProcess | null = null;
    try {
      const started = await services.spawnHealthy({ ...timing, LOG_LEVEL: 'debug' });
      old = started.bot;
      const drive = incidentDriver({ slack: services.slack, db, target: started.target });
      const incidents: DrivenIncident[] = [];
      for (const title of ['Checkout slow', 'Search down', 'Login errors'])
        incidents.push(await drive.open(title, DANA));
      await drive.slash('hypothesis The new index is cold', DANA, incidents[0]?.channel);
      // Per incident: the hold's end and the escalation's two audiences (senior, exec).
      await expect.poll(async () => (await pendingTimerKeys(queue)).length).toBe(9);

      // The new process is up (migrations already applied by the Job, as on Kubernetes) before the old one stops.
      next = (await services.spawnHealthy({ ...timing, LOG_LEVEL: 'info', MIGRATE_ON_START: 'false' })).bot;
      old.child.kill('SIGTERM');
      expect(await old.exited).toBe(0);

      for (const incident of incidents) {
        await expect
          .poll(async () => (await drive.events(incident.id, 'IncidentEscalated')).length, {
            timeout: 20_000,
          })
          .toBe(1);
        expect(await drive.events(incident.id, 'HoldEnded')).toHaveLength(1);
      }
      await waitForOutboxSettled(db, 15_000);
      for (const incident of incidents) {
        const holdOver = drive
          .posted(incident.channel)
          .filter((call) => String(call.args.text).includes('hold is over'));
        expect(holdOver, incident.channel).toHaveLength(1);
      }
      // Fired by the new process, once each: the old one was gone before any was due. Both
      // audiences fall due at once, so one escalation firing records and the other finds it done.
      const firings = linesOf(next).filter((line) => /^timer (fired|no longer applies)$/.test(line.msg));
      expect(firings).toHaveLength(9);
      expect(firings.filter((line) => line.msg === 'timer fired')).toHaveLength(6);
      for (const line of firings) {
        expect(line.teamId).toBe(TEAM);
        expect(incidents.map((i) => i.id)).toContain(line.incidentId);
        expect(line.commandId).toMatch(UUID);
      }

      // The old process's log, at debug: every command and every side effect it performed names
      // its team, incident and the command that caused it.
      const oldLines = linesOf(old);
      const commands = oldLines.filter((line) => line.msg === 'command recorded');
      expect(commands.length).toBeGreaterThanOrEqual(4);
      for (const line of commands) {
        expect(line.teamId).toBe(TEAM);
        expect(incidents.map((i) => i.id)).toContain(line.incidentId);
        expect(line.commandId).toMatch(UUID);
      }
      const effects = oldLines.filter((line) => line.outboxId !== undefined);
      expect(effects.length).toBeGreaterThan(0);
      const commandIds = new Set(commands.map((line) => line.commandId));
      for (const line of effects) {
        expect(line.teamId).toBe(TEAM);
        expect(commandIds.has(line.commandId), JSON.stringify(line)).toBe(true);
      }
      // LOG_LEVEL is respected: debug lines from the old process, none from the new.
      expect(oldLines.some((line) => line.level === PINO.debug)).toBe(true);
      expect(linesOf(next).filter((line) => line.level < PINO.info)).toEqual([]);
      // Secrets stay out: neither the signing secret nor the bot token appears in any line.
      for (const bot of [old, next]) {
        expect(bot.stdout()).not.toContain(SIGNING_SECRET);
        expect(bot.stdout()).not.toMatch(/xoxb-(?!\*)/);
      }
    } finally {
      old?.child.kill('SIGKILL');
      next?.child.kill('SIGKILL');
      await queue.close();
      await db.destroy();
    }
  });
});
