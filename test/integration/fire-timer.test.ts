import { describe, expect, it } from 'vitest';
import { fireTimer } from '../../src/app/fire-timer.js';
import type { TimerPolicy } from '../../src/domain/index.js';
import { commandCoreOn, openCommand, openThrough } from '../support/command-core.js';
import { useTestDatabase } from '../support/test-database.js';

const POLICY: TimerPolicy = {
  escalateAfter: 30 * 60_000,
  postmortemDue: 48 * 3_600_000,
  updateCadence: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 },
  followUpReminderLead: 24 * 3_600_000,
};
const OPENED = '2026-11-22T14:00:00.000Z';
const HOLD_END = '2026-11-22T14:10:00.000Z';

describe('firing a timer on PostgreSQL', () => {
  const testDb = useTestDatabase();

  async function incidentWithHold(): Promise<string> {
    const command = openCommand('Checkout errors', {
      actor: 'U0DANA',
      now: OPENED,
      diagnosisHold: 10 * 60_000,
    });
    return (await openThrough(commandCoreOn(testDb.db), 'T0001', command)).id;
  }

  function deps(nowIso: string) {
    const lateness: { kind: string; ms: number }[] = [];
    const warnings: { fields: object; message: string }[] = [];
    const committed: string[] = [];
    return {
      lateness,
      warnings,
      committed,
      deps: {
        commands: commandCoreOn(testDb.db, (id: string) => void committed.push(id)),
        clock: { now: () => new Date(nowIso) },
        policy: POLICY,
        logger: {
          debug() {},
          info() {},
          error() {},
          warn: (fields: object, message: string) => warnings.push({ fields, message }),
        },
        onLateness: (kind: string, ms: number) => lateness.push({ kind, ms }),
      },
    };
  }

  it('records the hold end once, measures lateness, and warns about a firing over 30 s late', async () => {
    const id = await incidentWithHold();
    const timer = {
      incidentId: id,
      kind: 'hold-end' as const,
      key: 'hold-end',
      dueAt: HOLD_END,
      fireAt: HOLD_END,
    };
    const late = deps('2026-11-22T14:10:45.000Z');
    const first = await fireTimer(late.deps, timer);
    expect(first.ok && first.events.map((e) => e.type)).toEqual(['HoldEnded']);
    expect(late.lateness).toEqual([{ kind: 'hold-end', ms: 45_000 }]);
    expect(late.warnings).toEqual([
      { fields: expect.objectContaining({ latenessMs: 45_000 }), message: 'timer fired late' },
    ]);
    expect(late.committed).toEqual([id]);

    // Delivered again: nothing applies any more, nothing is committed.
    const again = deps('2026-11-22T14:10:46.000Z');
    const second = await fireTimer(again.deps, timer);
    expect(second.ok && second.events).toEqual([]);
    expect(again.committed).toEqual([]);
  });

  it('does not warn about a punctual firing', async () => {
    const id = await incidentWithHold();
    const onTime = deps('2026-11-22T14:10:00.200Z');
    await fireTimer(onTime.deps, {
      incidentId: id,
      kind: 'hold-end',
      key: 'hold-end',
      dueAt: HOLD_END,
      fireAt: HOLD_END,
    });
    expect(onTime.lateness).toEqual([{ kind: 'hold-end', ms: 200 }]);
    expect(onTime.warnings).toEqual([]);
  });
});
