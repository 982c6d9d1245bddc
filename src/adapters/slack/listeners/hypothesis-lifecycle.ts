import type { App } from '@slack/bolt';
import { z } from 'zod';
import { blockActionSchema, teamOf } from '../parse/block-action.js';
import { inputText, metadataOf, viewSubmissionSchema } from '../parse/view-submission.js';
import { EVIDENCE_MODAL, evidenceModal } from '../views/evidence-modal.js';
import { MARK_HYPOTHESIS_ACTION } from '../views/header-work.js';
import type { ListenerDeps } from './deps.js';
import { replyPrivately } from './reply.js';

const markSchema = z.object({
  actions: z
    .array(
      z.object({
        selected_option: z.object({
          value: z.string().regex(/^(testing|ruled_out|confirmed|withdrawn)\|.+$/),
        }),
      }),
    )
    .min(1),
});
const metadataSchema = z.object({
  incidentId: z.string().uuid(),
  hypothesisId: z.string().min(1),
  status: z.enum(['ruled_out', 'confirmed', 'withdrawn']),
});

/**
 * The menu on each hypothesis in the header: "testing" applies at once; ruling out, confirming and
 * withdrawing ask for the evidence first, in a modal, because the postmortem will want it.
 */
export function registerHypothesisLifecycle(app: App, deps: ListenerDeps): void {
  app.action(MARK_HYPOTHESIS_ACTION, async ({ body, ack, client, respond }) => {
    await ack();
    const parsed = blockActionSchema.safeParse(body);
    const mark = markSchema.safeParse(body);
    const teamId = parsed.success ? teamOf(parsed.data) : null;
    const channelId = parsed.success
      ? (parsed.data.container.channel_id ?? parsed.data.channel?.id)
      : undefined;
    const [status, hypothesisId] = mark.success
      ? (mark.data.actions[0]?.selected_option.value.split('|') ?? [])
      : [];
    if (!parsed.success || !teamId || !channelId || !status || !hypothesisId) {
      deps.logger.warn(
        { issues: parsed.error?.issues ?? mark.error?.issues },
        'hypothesis menu payload did not parse',
      );
      return replyPrivately(respond, 'Sorry, I could not read that choice. Please try again.', deps.logger);
    }
    const incident = await deps.store.findByChannel(teamId, channelId);
    const hypothesis =
      incident && incident.state.status !== 'none'
        ? incident.state.hypotheses.find((h) => h.id === hypothesisId)
        : undefined;
    if (!incident || !hypothesis)
      return replyPrivately(
        respond,
        'I cannot find that hypothesis any more; the header may be out of date.',
        deps.logger,
      );
    if (status === 'testing') {
      const outcome = await deps.handleCommand(incident.id, {
        type: 'UpdateHypothesis',
        actor: parsed.data.user.id,
        now: deps.clock.now().toISOString(),
        hypothesisId,
        status: 'testing',
        evidence: null,
      });
      if (!outcome.ok) await replyPrivately(respond, outcome.rejection.message, deps.logger);
      return;
    }
    if (!parsed.data.trigger_id) return;
    const metadata = metadataSchema.parse({ incidentId: incident.id, hypothesisId, status });
    await client.views.open({
      trigger_id: parsed.data.trigger_id,
      view: evidenceModal(metadata, hypothesis.text),
    });
  });

  app.view(EVIDENCE_MODAL, async ({ body, ack }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? metadataOf(parsed.data, metadataSchema) : null;
    if (!parsed.success || !metadata) {
      deps.logger.warn({ issues: parsed.error?.issues }, 'evidence modal submission did not parse');
      await ack({
        response_action: 'errors',
        errors: { text: 'Sorry, I could not read this form. Close it and try again.' },
      });
      return;
    }
    const text = inputText(parsed.data, 'text');
    const base = {
      actor: parsed.data.user.id,
      now: deps.clock.now().toISOString(),
      hypothesisId: metadata.hypothesisId,
    };
    const outcome = await deps.handleCommand(
      metadata.incidentId,
      metadata.status === 'withdrawn'
        ? { type: 'WithdrawHypothesis', ...base, reason: text }
        : { type: 'UpdateHypothesis', ...base, status: metadata.status, evidence: text },
    );
    if (!outcome.ok) await ack({ response_action: 'errors', errors: { text: outcome.rejection.message } });
    else await ack();
  });
}
