import type { App } from '@slack/bolt';
import { z } from 'zod';
import { OPEN_STATUSES, permission, SEVERITIES } from '../../../domain/index.js';
import { triageAnswers } from '../parse/open-submission.js';
import { inputText, viewSubmissionSchema } from '../parse/view-submission.js';
import { CLASSIFY_ACTION, SET_SEVERITY_ACTION, SET_STATUS_ACTION } from '../views/header.js';
import {
  CHANGE_SEVERITY_MODAL,
  CLASSIFY_MODAL,
  changeSeverityModal,
  classifyModal,
} from '../views/severity-modals.js';
import type { ListenerDeps } from './deps.js';
import { locateIncident } from './locate-incident.js';
import { replyPrivately } from './reply.js';

const selectedSchema = z.object({
  actions: z.array(z.object({ selected_option: z.object({ value: z.string() }) })).min(1),
});
const changeMetadata = z.object({ incidentId: z.string().uuid(), severity: z.enum(SEVERITIES) });
const classifyMetadata = z.object({ incidentId: z.string().uuid() });

/** The status and severity pickers on the header, and "Classify severity" while it is pending. */
export function registerStatusAndSeverity(app: App, deps: ListenerDeps): void {
  app.action(SET_STATUS_ACTION, async ({ body, ack, respond }) => {
    await ack();
    const where = await locateIncident(deps, body);
    const status = z
      .enum(OPEN_STATUSES)
      .safeParse(selectedSchema.safeParse(body).data?.actions[0]?.selected_option.value);
    if (!where || !status.success)
      return replyPrivately(respond, 'Sorry, I could not read that choice.', deps.logger);
    const outcome = await deps.handleCommand(where.incidentId, {
      type: 'ChangeStatus',
      actor: where.userId,
      now: deps.clock.now().toISOString(),
      status: status.data,
      note: null,
    });
    if (!outcome.ok) await replyPrivately(respond, outcome.rejection.message, deps.logger);
  });

  app.action(SET_SEVERITY_ACTION, async ({ body, ack, client, respond }) => {
    await ack();
    const where = await locateIncident(deps, body);
    const severity = z
      .enum(SEVERITIES)
      .safeParse(selectedSchema.safeParse(body).data?.actions[0]?.selected_option.value);
    if (!where || !severity.success || !where.triggerId)
      return replyPrivately(respond, 'Sorry, I could not read that choice.', deps.logger);
    const allowed = permission(where.incident.state, where.userId, 'change_severity');
    if (!allowed.allowed) return replyPrivately(respond, allowed.rejection.message, deps.logger);
    await client.views.open({
      trigger_id: where.triggerId,
      view: changeSeverityModal({ incidentId: where.incidentId, severity: severity.data }),
    });
  });

  app.action(CLASSIFY_ACTION, async ({ body, ack, client, respond }) => {
    await ack();
    const where = await locateIncident(deps, body);
    if (!where) return replyPrivately(respond, 'This button belongs to no incident I know of.', deps.logger);
    if (!where.triggerId) return;
    const allowed = permission(where.incident.state, where.userId, 'change_severity');
    if (!allowed.allowed) return replyPrivately(respond, allowed.rejection.message, deps.logger);
    await client.views.open({
      trigger_id: where.triggerId,
      view: classifyModal({ incidentId: where.incidentId }),
    });
  });

  app.view(CHANGE_SEVERITY_MODAL, async ({ body, ack }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? parseJson(changeMetadata, parsed.data.view.private_metadata) : null;
    if (!parsed.success || !metadata)
      return void (await ack({
        response_action: 'errors',
        errors: { text: 'Sorry, I could not read this form.' },
      }));
    const outcome = await deps.handleCommand(metadata.incidentId, {
      type: 'ChangeSeverity',
      actor: parsed.data.user.id,
      now: deps.clock.now().toISOString(),
      severity: metadata.severity,
      reason: inputText(parsed.data, 'text'),
    });
    await ack(
      outcome.ok ? undefined : { response_action: 'errors', errors: { text: outcome.rejection.message } },
    );
  });

  app.view(CLASSIFY_MODAL, async ({ body, ack }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? parseJson(classifyMetadata, parsed.data.view.private_metadata) : null;
    const values = parsed.success ? parsed.data.view.state.values : {};
    const answer = (id: string) =>
      (values[`triage.${id}`]?.answer as { selected_option?: { value?: string } } | undefined)
        ?.selected_option?.value ?? '';
    const triage = triageAnswers({
      title: '',
      service: '',
      flags: [],
      answers: {
        customerImpact: answer('customerImpact'),
        criticalPathDown: answer('criticalPathDown'),
        dataAtRisk: answer('dataAtRisk'),
        workaroundExists: answer('workaroundExists'),
      },
    });
    if (!parsed.success || !metadata || !triage) {
      return void (await ack({
        response_action: 'errors',
        errors: { 'triage.customerImpact': 'Please answer every triage question.' },
      }));
    }
    const outcome = await deps.handleCommand(metadata.incidentId, {
      type: 'ClassifySeverity',
      actor: parsed.data.user.id,
      now: deps.clock.now().toISOString(),
      triage,
    });
    await ack(
      outcome.ok
        ? undefined
        : { response_action: 'errors', errors: { 'triage.customerImpact': outcome.rejection.message } },
    );
  });
}

function parseJson<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
