import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { messageShortcutSchema, reactionAddedSchema, tsToInstant } from '../parse/capture.js';
import type { ListenerDeps } from './deps.js';
import { answerFailure, newRef } from './kit/failure.js';
import { replyPrivately } from './kit/reply.js';

export const CAPTURE_SHORTCUT = 'timeline.add';
const PIN_REACTIONS = new Set(['pushpin', 'round_pushpin']);

/**
 * Puts Slack messages on the incident's timeline with their original author and time: a 📌
 * reaction in the incident channel, or the "Add to timeline" message shortcut. Capturing the same
 * message twice changes nothing (the domain keeps one entry).
 */
export function registerCapture(app: App, deps: ListenerDeps): void {
  // Slack gets its answer once this listener is done (HTTP mode processes events before
  // responding), and the event is marked processed in the transaction that records it: a crash
  // before the commit leaves Slack to redeliver, and a redelivery after it records nothing.
  app.event('reaction_added', async ({ body }) => {
    const parsed = reactionAddedSchema.safeParse(body);
    if (!parsed.success)
      return deps.logger.warn({ issues: parsed.error.issues }, 'reaction_added did not parse');
    const { event, team_id: teamId, event_id: eventId } = parsed.data;
    if (!PIN_REACTIONS.has(event.reaction)) return;
    const incident = await deps.store.findByChannel(teamId, event.item.channel);
    if (!incident) return;
    const message = await fetchMessage(await deps.clientFor(teamId), event.item.channel, event.item.ts);
    if (!message)
      return deps.logger.warn({ channel: event.item.channel, ts: event.item.ts }, 'pinned message not found');
    await deps.commands.run({
      incidentId: incident.id,
      origin: { teamId, userId: event.user, channelId: event.item.channel, eventId },
      command: {
        type: 'CaptureMessage',
        actor: event.user,
        now: deps.clock.now().toISOString(),
        channel: event.item.channel,
        ts: event.item.ts,
        author: message.user ?? event.item_user ?? 'unknown',
        text: message.text,
        postedAt: tsToInstant(event.item.ts),
      },
    });
  });

  app.shortcut(CAPTURE_SHORTCUT, async ({ shortcut, ack, respond }) => {
    const tell = (text: string) =>
      deps.later({ what: 'reply' }, () => replyPrivately(respond, text, deps.logger));
    const parsed = messageShortcutSchema.safeParse(shortcut);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues }, 'message shortcut did not parse');
      await ack();
      return tell('Sorry, I could not read that message. Please try again.');
    }
    const payload = parsed.data;
    const teamId = payload.team?.id ?? payload.user.team_id ?? '';
    const ref = newRef();
    try {
      const incident = await deps.store.findByChannel(teamId, payload.channel.id);
      if (!incident) {
        await ack();
        return tell(
          'This channel is not an incident channel, so there is no timeline to add to. Use it in the incident’s channel.',
        );
      }
      const outcome = await deps.commands.run({
        incidentId: incident.id,
        origin: { teamId, userId: payload.user.id, channelId: payload.channel.id },
        command: {
          type: 'CaptureMessage',
          actor: payload.user.id,
          now: deps.clock.now().toISOString(),
          channel: payload.channel.id,
          ts: payload.message_ts,
          author: payload.message.user ?? payload.message.bot_id ?? 'unknown',
          text: payload.message.text,
          postedAt: tsToInstant(payload.message_ts),
        },
      });
      await ack();
      tell(
        !outcome.ok
          ? outcome.rejection.message
          : outcome.events.length > 0
            ? 'Added to the timeline, at the time it was posted.'
            : 'That message is already on the timeline.',
      );
    } catch (error) {
      const context = { what: 'capture', teamId, userId: payload.user.id, channelId: payload.channel.id };
      await answerFailure(deps.logger, { error, ref, context }, ack, tell);
    }
  });
}

async function fetchMessage(
  client: WebClient,
  channel: string,
  ts: string,
): Promise<{ text: string; user?: string } | null> {
  const history = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  const message = history.messages?.find((m) => m.ts === ts);
  if (message) return { text: message.text ?? '', ...(message.user ? { user: message.user } : {}) };
  // A reply in a thread is not in the channel's history: look in its thread.
  const replies = await client.conversations.replies({ channel, ts, limit: 1 }).catch(() => null);
  const reply = replies?.messages?.find((m) => m.ts === ts);
  return reply ? { text: reply.text ?? '', ...(reply.user ? { user: reply.user } : {}) } : null;
}
