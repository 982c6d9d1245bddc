import { describe, expect, it } from 'vitest';
import type { ListenerDeps } from '../../../src/adapters/slack/listeners/deps.js';
import { contextFor, incidentHere } from '../../../src/adapters/slack/listeners/subcommands/context.js';
import { action } from '../../../src/adapters/slack/listeners/subcommands/work.js';
import type { SlashCommand } from '../../../src/adapters/slack/parse/slash-command.js';
import type { StoredIncident } from '../../../src/app/ports/incident-store.js';
import { type IncidentState, replay } from '../../../src/domain/index.js';
import { storedIncident } from '../../support/stored-incident.js';
import { opened, REPORTER } from '../domain/spec.js';

const HOSTILE = '<!channel> *ping* <https://evil.example|click> &';

const stored = (state: IncidentState, channelId: string | null) =>
  storedIncident(state, { id: '00000000-0000-4000-8000-000000000001', channelId });

/** Just enough of the listeners' deps for a subcommand that reads and runs one command. */
function depsWith(incidents: { here: StoredIncident | null; open: StoredIncident[] }): ListenerDeps {
  return {
    config: { slack: { command: '/incident' } },
    clock: { now: () => new Date('2026-11-22T14:30:00Z') },
    newId: () => 'id-1',
    store: {
      findByChannel: async () => incidents.here,
      listOpen: async () => incidents.open,
    },
    commands: { run: async () => ({ ok: true, incident: incidents.here, events: [{}] }) },
  } as unknown as ListenerDeps;
}

const slash = (userId: string, channelId: string): SlashCommand => ({
  team_id: 'T1',
  channel_id: channelId,
  user_id: userId,
  command: '/incident',
  text: '',
  response_url: 'http://127.0.0.1:9/response',
  trigger_id: '1.2',
});

describe('subcommand answers quote people’s words escaped', () => {
  it('lists incidents from elsewhere with the title escaped and only a channel id of Slack’s shape linked', async () => {
    const state = replay([opened({ title: HOSTILE })]);
    const deps = depsWith({
      here: null,
      open: [stored(state, 'C0INC'), stored(state, 'C0INC><!here')],
    });
    const answer = await incidentHere(contextFor(deps, slash(REPORTER, 'C0GENERAL'), ''), 'status');
    const text = 'text' in answer ? answer.text : '';
    expect(text).toContain('&lt;!channel&gt; *ping* &lt;https://evil.example|click&gt; &amp;');
    expect(text).toContain('in <#C0INC>');
    expect(text).not.toMatch(/<!channel>|<!here>|<https:/);
  });

  it('names an action’s owner as a mention only when the id is Slack’s', async () => {
    const deps = depsWith({ here: stored(replay([opened()]), 'C0INC'), open: [] });
    const answer = await action(contextFor(deps, slash('not-an-id<!here>', 'C0INC'), 'Roll back'));
    expect(answer).toEqual({ text: 'Action started, owned by not-an-id&lt;!here&gt;.' });
  });
});
