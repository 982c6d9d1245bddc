import type { PageRequest } from '../protocol.js';
import { viewSubmissionPayload } from '../slack-payloads.js';
import { sendInteraction } from '../slack-requests.js';
import { acceptView, SlackApiError } from '../slack-stand-in/index.js';
import { answerOf, DeliveryError, type SlackClient } from './slack-client.js';

type Request<T extends PageRequest['type']> = Extract<PageRequest, { type: T }>;

/** What Slack keeps of a modal besides its state, sent back with a submission. */
const FRAME = ['type', 'title', 'submit', 'close', 'blocks', 'external_id', 'hash', 'notify_on_close'];

/**
 * Submits the person's modal as a signed `view_submission`, then does what the ack says, as Slack
 * does: `errors` under their blocks, `update` replaces the view, `push` stacks one, `clear` closes
 * them all, and no answer closes this one.
 */
export async function submit(client: SlackClient, request: Request<'submit'>): Promise<void> {
  const { workspace } = client.slack;
  const stored = ownView(client, request.as, request.viewId);
  const view = stored.view;
  const payload = viewSubmissionPayload({
    callbackId: String(view.callback_id ?? ''),
    privateMetadata: String(view.private_metadata ?? ''),
    values: request.values,
    userId: request.as,
    teamId: client.teamId,
    viewId: stored.id,
    view: Object.fromEntries(FRAME.filter((key) => key in view).map((key) => [key, view[key]])),
  });
  const answer = answerOf(await sendInteraction(client.target, payload), 'the form');
  switch (answer.response_action) {
    case 'errors':
      workspace.modals.setErrors(stored.id, errorsOf(answer.errors));
      return;
    case 'update':
      workspace.modals.clearErrors(stored.id);
      workspace.storeView(checkedView(answer.view), request.as, stored.id);
      return;
    case 'push':
      workspace.modals.push(request.as, workspace.storeView(checkedView(answer.view), request.as).id);
      return;
    case 'clear':
      workspace.modals.clear(request.as);
      return;
    default:
      workspace.modals.close(request.as, stored.id);
  }
}

/** Cancel or ×: the view closes (the bot asks for no `view_closed`: `notify_on_close` is never set). */
export function close(client: SlackClient, request: Request<'close'>): void {
  client.slack.workspace.modals.close(request.as, request.viewId);
}

function ownView(client: SlackClient, userId: string, viewId: string) {
  const stored = client.slack.workspace.views.get(viewId);
  if (!stored || !client.slack.workspace.modals.stack(userId).includes(viewId))
    throw new DeliveryError('That form is not open for you any more.');
  return stored;
}

function errorsOf(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).map(([block, text]) => [block, String(text)]));
}

/** A view in an ack is held to Block Kit's limits as one sent to views.open (Slack refuses it otherwise). */
function checkedView(view: unknown): Record<string, unknown> {
  try {
    acceptView(view);
  } catch (error) {
    if (error instanceof SlackApiError) throw new DeliveryError(`Slack refused the view: ${error.message}`);
    throw error;
  }
  return view as Record<string, unknown>;
}
