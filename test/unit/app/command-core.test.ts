import { describe, expect, it } from 'vitest';
import { type CommandRequest, isRepeatedDelivery } from '../../../src/app/commands/command-core.js';
import { commandCoreWith, openCommand, openThrough } from '../../support/command-core.js';
import { createInMemoryIncidentStore } from '../../support/in-memory-store.js';
import { ANSWERS, followUp } from '../../support/incident-events.js';

const NOW = '2026-11-22T14:00:00.000Z';
const LATER = '2026-11-22T15:00:00.000Z';
const DANA = 'U0DANA';

/** The real command core on the in-memory store: no database, the same decisions and records. */
function coreInMemory() {
  const store = createInMemoryIncidentStore();
  const committed: string[] = [];
  const core = commandCoreWith(store, (id) => void committed.push(id));
  const run = (
    incidentId: string,
    command: CommandRequest['command'],
    origin: CommandRequest['origin'] = null,
  ) => core.run({ incidentId, command, origin });
  return { store, core, committed, run };
}

describe('the command core on the in-memory store', () => {
  it('numbers incidents per team, and a refused open consumes no number', async () => {
    const { core } = coreInMemory();
    const numberOf = async (teamId: string, title: string) => {
      const outcome = await core.open({ teamId, command: openCommand(title) });
      return outcome.ok ? outcome.incident.number : outcome.rejection.code;
    };
    expect(await numberOf('TA', 'First')).toBe(1);
    expect(await numberOf('TA', '   ')).toBe('invalid_input');
    expect(await numberOf('TA', 'Second')).toBe(2);
    expect(await numberOf('TB', 'Other team')).toBe(1);
    const burst = await Promise.all(Array.from({ length: 5 }, (_, i) => numberOf('TC', `Burst ${i}`)));
    expect([...burst].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('stores an open’s events, state and Slack effects together, then says it committed', async () => {
    const { store, core, committed } = coreInMemory();
    const outcome = await core.open({
      teamId: 'TD',
      command: openCommand('Stored'),
      effects: [{ kind: 'reporter.confirm', responseUrl: 'https://hooks.example/r' }],
    });
    if (!outcome.ok) throw new Error(outcome.rejection.message);
    const id = outcome.incident.id;
    expect(await store.findById(id)).toMatchObject({
      teamId: 'TD',
      number: 1,
      version: 1,
      state: { status: 'investigating', title: 'Stored' },
    });
    expect((await store.events(id)).map((e) => e.event.type)).toEqual(['IncidentOpened']);
    expect(store.outbox.filter((e) => e.incidentId === id).map((e) => e.effect.kind)).toEqual([
      'channel.create',
      'channel.invite',
      'header.render',
      'announcement.render',
      'reporter.confirm',
    ]);
    expect(committed).toEqual([id]);
  });

  it('decides concurrent commands on one incident one after the other: one person takes the role', async () => {
    const { store, core, run } = coreInMemory();
    const incident = await openThrough(core, 'TE', openCommand('Race'));
    const outcomes = await Promise.all(
      ['U0A1', 'U0A2', 'U0A3', 'U0A4'].map((actor) =>
        run(incident.id, { type: 'TakeRole', actor, now: NOW, role: 'commander' }),
      ),
    );
    expect(outcomes.filter((o) => o.ok && o.events.length === 1)).toHaveLength(1);
    const losers = outcomes.filter((o) => !o.ok);
    expect(losers).toHaveLength(3);
    for (const loser of losers) expect(loser).toMatchObject({ ok: false, rejection: { code: 'role_taken' } });
    expect((await store.events(incident.id)).map((e) => [e.seq, e.event.type])).toEqual([
      [1, 'IncidentOpened'],
      [2, 'RoleAssigned'],
    ]);
    expect((await store.findById(incident.id))?.version).toBe(2);
  });

  it('records a Slack event once: a redelivery records nothing and enqueues nothing', async () => {
    const { store, core, run } = coreInMemory();
    const incident = await openThrough(core, 'T1', openCommand('Captured'));
    await store.recordChannel(incident.id, { id: 'C0CAPTURE', name: 'inc-1-captured' });
    const note = { type: 'AddNote' as const, actor: DANA, now: NOW, text: 'errors at 14:02' };
    const origin = { teamId: 'T1', userId: DANA, channelId: 'C0CAPTURE', eventId: 'Ev01' };
    const first = await run(incident.id, note, origin);
    const effects = store.outbox.length;
    const again = await run(incident.id, note, origin);
    expect(first).toMatchObject({ ok: true, events: [{ type: 'NoteAdded' }] });
    expect(isRepeatedDelivery(again)).toBe(true);
    expect((await store.events(incident.id)).map((e) => e.event.type)).toEqual([
      'IncidentOpened',
      'NoteAdded',
    ]);
    expect(store.outbox).toHaveLength(effects);
  });

  it('asks the store, inside the transaction, whether the service broke before a postmortem', async () => {
    const { core, run } = coreInMemory();
    const close = async (title: string, control: boolean) => {
      const incident = await openThrough(core, 'T1', openCommand(title, { service: 'Checkout' }));
      await run(incident.id, { type: 'TakeRole', actor: DANA, now: NOW, role: 'commander' });
      await run(incident.id, {
        type: 'Resolve',
        actor: DANA,
        now: LATER,
        summary: 'Rolled back',
        impactEndedAt: null,
        postmortemWanted: true,
        severity: 'SEV3',
      });
      return run(incident.id, {
        type: 'RecordPostmortem',
        actor: DANA,
        now: LATER,
        answers: ANSWERS,
        followUps: [
          followUp('f1', DANA, { control }),
          followUp('f2', DANA, { rank: 2 }),
          followUp('f3', DANA, { rank: 3 }),
        ],
        // The core decides this from the store, whatever the form said.
        requireControl: false,
      });
    };
    expect(await close('Checkout down', false)).toMatchObject({ ok: true });
    expect(await close('Checkout down again', false)).toMatchObject({
      ok: false,
      rejection: { message: expect.stringContaining('broke the same way before') },
    });
    expect(await close('Checkout down a third time', true)).toMatchObject({ ok: true });
  });
});
