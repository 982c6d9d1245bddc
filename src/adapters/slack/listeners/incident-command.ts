import type { App } from '@slack/bolt';
import { slashCommandSchema, splitSubcommand } from '../parse/slash-command.js';
import { helpText } from '../views/help.js';
import { openModal } from '../views/open-modal.js';
import type { ListenerDeps } from './deps.js';
import { openFromSlashCommand } from './open-incident.js';
import { contextFor } from './subcommands/context.js';
import { SUBCOMMANDS } from './subcommands/registry.js';

/**
 * `/incident <subcommand> …`: acknowledged at once (Slack allows 3 s), then dispatched on the first
 * word. Unknown words get the help text, never silence.
 */
export function registerIncidentCommand(app: App, deps: ListenerDeps): void {
  app.command(deps.config.slack.command, async ({ command: payload, ack, respond, client }) => {
    const parsed = slashCommandSchema.safeParse(payload);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues }, 'slash command payload did not parse');
      await ack({
        response_type: 'ephemeral',
        text: 'Sorry, Slack sent me something I could not read. Please try again.',
      });
      return;
    }
    const command = parsed.data;
    const { name, rest } = splitSubcommand(command.text);
    switch (name) {
      case 'open':
        await ack();
        // Without a title, the triage modal; the trigger id must reach Slack within 3 s, so first.
        if (rest === '')
          await client.views.open({
            trigger_id: command.trigger_id,
            view: openModal({ channel: command.channel_id, duplicateAcknowledged: false }),
          });
        else await openFromSlashCommand(deps, command, rest, respond);
        return;
      case '':
      case 'help': {
        // Role-aware: what the caller can do in this channel, right now.
        const incident = await deps.store.findByChannel(command.team_id, command.channel_id);
        const state = incident && incident.state.status !== 'none' ? incident.state : null;
        await ack({
          response_type: 'ephemeral',
          text: helpText(deps.config.slack.command, undefined, { incident: state, userId: command.user_id }),
        });
        return;
      }
      default: {
        const handler = SUBCOMMANDS[name];
        if (!handler) {
          await ack({ response_type: 'ephemeral', text: helpText(deps.config.slack.command, name) });
          return;
        }
        await ack();
        await handler(contextFor(deps, command, rest, respond, client));
      }
    }
  });
}
