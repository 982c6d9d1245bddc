import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { StoredIncident } from '../../../app/ports/incident-store.js';
import { addMilliseconds, followUpProblem, permission } from '../../../domain/index.js';
import { parsePostmortemSubmission } from '../parse/postmortem-submission.js';
import { modalMetadata, viewSubmissionSchema } from '../parse/view-submission.js';
import { RECORD_POSTMORTEM_ACTION } from '../views/postmortem-messages.js';
import { type EarlierIncident, POSTMORTEM_MODAL, postmortemModal } from '../views/postmortem-modal.js';
import type { ListenerDeps } from './deps.js';
import { locateIncident, locateIncidentByValue } from './locate-incident.js';
import { replyPrivately } from './reply.js';

const BROKE_TWICE_WINDOW_MS = -90 * 24 * 3_600_000;

/** Other incidents on the same service in the 90 days before this one: it broke before. */
export async function earlierOnService(
  deps: ListenerDeps,
  incident: StoredIncident,
): Promise<EarlierIncident[]> {
  const state = incident.state;
  if (state.status === 'none' || !state.service) return [];
  const since = addMilliseconds(state.openedAt, BROKE_TWICE_WINDOW_MS);
  const earlier = await deps.store.listEarlierOnService(incident.teamId, state.service, since, incident.id);
  return earlier.flatMap(({ state: other }) =>
    other.status === 'none'
      ? []
      : [
          {
            number: other.number,
            title: other.title,
            status: other.status,
            followUps: other.status === 'closed' ? other.followUps : null,
          },
        ],
  );
}

/**
 * Opens the postmortem modal for the commander (or anyone while nobody is), once the incident is
 * resolved. Returns a sentence for the person when it cannot.
 */
export async function openPostmortemModal(
  deps: ListenerDeps,
  client: WebClient,
  triggerId: string,
  incident: StoredIncident,
  userId: string,
): Promise<string | null> {
  const state = incident.state;
  if (state.status === 'none') return 'That incident no longer exists.';
  if (state.status === 'closed') return 'The postmortem for this incident is already recorded.';
  if (state.status !== 'resolved') return 'Resolve the incident first; the postmortem comes after.';
  const allowed = permission(state, userId, 'record_postmortem');
  if (!allowed.allowed) return allowed.rejection.message;
  const earlier = await earlierOnService(deps, incident);
  await client.views.open({
    trigger_id: triggerId,
    view: postmortemModal({ incidentId: incident.id }, state, earlier),
  });
  return null;
}

/** The postmortem: the button (draft message, header) and the modal's submission. */
export function registerPostmortem(app: App, deps: ListenerDeps): void {
  app.action(RECORD_POSTMORTEM_ACTION, async ({ body, ack, client, respond }) => {
    await ack();
    const where = (await locateIncidentByValue(deps, body)) ?? (await locateIncident(deps, body));
    if (!where?.triggerId)
      return replyPrivately(respond, 'I cannot find that incident any more.', deps.logger);
    const problem = await openPostmortemModal(deps, client, where.triggerId, where.incident, where.userId);
    if (problem) await replyPrivately(respond, problem, deps.logger);
  });

  app.view(POSTMORTEM_MODAL, async ({ body, ack }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? modalMetadata(parsed.data) : null;
    const incident = metadata ? await deps.store.findById(metadata.incidentId) : null;
    if (!parsed.success || !incident)
      return void (await ack({
        response_action: 'errors',
        errors: { 'answer.whatHappened': 'Sorry, I could not read this form. Close it and try again.' },
      }));
    const submission = parsePostmortemSubmission(parsed.data, deps.newId);
    if (!submission.ok) return void (await ack({ response_action: 'errors', errors: submission.errors }));
    // Decided here, not trusted from the form: did this service break within 90 days?
    const requireControl = (await earlierOnService(deps, incident)).length > 0;
    const outcome = await deps.handleCommand(incident.id, {
      type: 'RecordPostmortem',
      actor: parsed.data.user.id,
      now: deps.clock.now().toISOString(),
      answers: submission.answers,
      followUps: submission.followUps,
      requireControl,
    });
    if (outcome.ok) return void (await ack());
    const aboutFollowUps = followUpProblem(submission.followUps, requireControl) !== null;
    const slot = aboutFollowUps
      ? `followup${Math.min(3, submission.followUps.length + 1)}.title`
      : 'answer.whatHappened';
    await ack({ response_action: 'errors', errors: { [slot]: outcome.rejection.message } });
  });
}
