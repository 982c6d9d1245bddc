import { SAMPLE_PEOPLE, SANDBOX_CHANNELS } from './people.js';
import type { SlackStandIn } from './slack-stand-in/index.js';

/** The sample people and channels, everyone in every channel, and a first message to say where you are. */
export function seedWorkspace(slack: SlackStandIn): void {
  for (const person of SAMPLE_PEOPLE) slack.addUser(person);
  const everyone = SAMPLE_PEOPLE.map((person) => person.id);
  for (const channel of Object.values(SANDBOX_CHANNELS))
    slack.addChannel({ ...channel, members: [...everyone, slack.workspace.botUserId] });
  const channel = slack.workspace.channels.get(SANDBOX_CHANNELS.general.id);
  if (channel) channel.purpose = 'Sandbox: a local stand-in of Slack for trying the bot';
  slack.addMessage(SANDBOX_CHANNELS.general.id, {
    user: SAMPLE_PEOPLE[0]?.id ?? 'U0RILEY',
    text: 'Something looks broken? Try `/incident open Payments failing` here.',
  });
}
