import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { type SlashCommand, slashCommandSchema, splitSubcommand } from '../parse/slash-command.js';
import { helpText, hereHelp } from '../views/help.js';
import type { ListenerDeps } from './deps.js';
import { failureReply, logFailure, newRef, STILL_WORKING } from './kit/failure.js';
import { inTime } from './kit/in-time.js';
import { ephemeral, replyPrivately } from './kit/reply.js';
import { contextFor, type SubcommandAnswer } from './subcommands/context.js';
import { SUBCOMMANDS } from './subcommands/registry.js';

/**
 * `/incident <subcommand> …`. The work runs first and its answer goes in the ack: when Slack has
 * the ack, the change is saved. Past the deadline the ack says "still working" and the answer
 * follows through response_url. `help` and unknown words are answered before any query.
 */
export function registerIncidentCommand(app: App, deps: ListenerDeps): void {
  app.command(deps.config.slack.command, async ({ command: payload, ack, respond }) => {
    const parsed = slashCommandSchema.safeParse(payload);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues }, 'slash command payload did not parse');
      return void (await ack(
        ephemeral('Sorry, Slack sent me something I could not read. Please try again.'),
      ));
    }
    const command = parsed.data;
    const { name, rest } = splitSubcommand(command.text);
    // Own keys only: `/incident constructor` is an unknown word, not Object's constructor.
    const handler = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
    if (!handler) {
      await ack(
        ephemeral(helpText(deps.config.slack.command, name === '' || name === 'help' ? undefined : name)),
      );
      if (name === '' || name === 'help')
        deps.later({ what: 'help' }, () => helpHere(deps, command, respond));
      return;
    }
    const ref = newRef();
    const context = {
      what: `${deps.config.slack.command} ${name}`,
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      command: name,
    };
    try {
      const answered = await inTime(handler(contextFor(deps, command, rest)), deps.answerWithinMs);
      if (answered.done)
        return deliver(
          deps,
          command,
          answered.value,
          ack,
          respond,
          await deps.clientFor(command.team_id),
          ref,
        );
      await ack(ephemeral(STILL_WORKING));
      deps.later(context, async () => {
        const answer = await answered.rest.catch((error: unknown): SubcommandAnswer => {
          logFailure(deps.logger, error, ref, context);
          return { text: failureReply(error, ref) };
        });
        // A trigger id lasts 3 s: a form that comes this late cannot open any more.
        const text =
          'text' in answer
            ? answer.text
            : 'That took too long to open the form; please run the command again.';
        await replyPrivately(respond, text, deps.logger);
      });
    } catch (error) {
      logFailure(deps.logger, error, ref, context);
      await ack(ephemeral(failureReply(error, ref)));
    }
  });
}

async function deliver(
  deps: ListenerDeps,
  command: SlashCommand,
  answer: SubcommandAnswer,
  ack: (body?: ReturnType<typeof ephemeral>) => Promise<void>,
  respond: RespondFn,
  client: WebClient,
  ref: string,
): Promise<void> {
  if ('text' in answer) return ack(ephemeral(answer.text));
  await ack();
  deps.later({ what: 'views.open', userId: command.user_id }, async () => {
    try {
      await client.views.open({ trigger_id: command.trigger_id, view: answer.modal });
    } catch (error) {
      logFailure(deps.logger, error, ref, { what: 'opening a form', userId: command.user_id });
      await replyPrivately(
        respond,
        `I could not open the form; Slack said no. Try again. (ref ${ref})`,
        deps.logger,
      );
    }
  });
}

/** In an incident channel, help goes on to say what this person can do there and then. */
async function helpHere(deps: ListenerDeps, command: SlashCommand, respond: RespondFn): Promise<void> {
  const incident = await deps.store.findByChannel(command.team_id, command.channel_id);
  if (!incident || incident.state.status === 'none') return;
  await replyPrivately(
    respond,
    hereHelp(deps.config.slack.command, incident.state, command.user_id),
    deps.logger,
  );
}
