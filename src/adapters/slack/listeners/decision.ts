import type { App } from '@slack/bolt';
import { inputText, modalMetadata, viewSubmissionSchema } from '../parse/view-submission.js';
import { DECISION_MODAL } from '../views/decision-modal.js';
import type { ListenerDeps } from './deps.js';

/** The decision modal's submission (opened by `/incident decision`). */
export function registerDecision(app: App, deps: ListenerDeps): void {
  app.view(DECISION_MODAL, async ({ body, ack }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? modalMetadata(parsed.data) : null;
    if (!parsed.success || !metadata) {
      deps.logger.warn({ issues: parsed.error?.issues }, 'decision submission did not parse');
      await ack({
        response_action: 'errors',
        errors: { what: 'Sorry, I could not read this form. Close it and try again.' },
      });
      return;
    }
    const outcome = await deps.handleCommand(metadata.incidentId, {
      type: 'RecordDecision',
      actor: parsed.data.user.id,
      now: deps.clock.now().toISOString(),
      decisionId: deps.newId(),
      what: inputText(parsed.data, 'what'),
      why: inputText(parsed.data, 'why'),
      wouldChangeOurMind: inputText(parsed.data, 'change'),
    });
    if (outcome.ok) return void (await ack());
    // Point at the field the refusal is about; the domain names it in its sentence.
    const field = /why it was decided/.test(outcome.rejection.message)
      ? 'why'
      : /change our mind/.test(outcome.rejection.message)
        ? 'change'
        : 'what';
    await ack({ response_action: 'errors', errors: { [field]: outcome.rejection.message } });
  });
}
