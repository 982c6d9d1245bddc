import type { App } from '@slack/bolt';
import { z } from 'zod';
import { OPEN_STATUSES, permission, SEVERITIES } from '../../../domain/index.js';
import { modalMetadataSchema, severityMetadataSchema } from '../parse/modal-metadata.js';
import { triageAnswers } from '../parse/open-submission.js';
import { inputText, type ViewSubmission } from '../parse/view-submission.js';
import { CLASSIFY_ACTION, SET_SEVERITY_ACTION, SET_STATUS_ACTION } from '../views/header.js';
import {
  CHANGE_SEVERITY_MODAL,
  CLASSIFY_MODAL,
  changeSeverityModal,
  classifyModal,
} from '../views/severity-modals.js';
import type { ListenerDeps } from './deps.js';
import { onBlockAction } from './kit/block-action.js';
import { chosen } from './kit/menu.js';
import { onViewSubmission } from './kit/view-submission.js';

const COULD_NOT_READ = { reply: 'Sorry, I could not read that choice.' } as const;
const TRIAGE_BLOCK = 'triage.customerImpact';

/** The status and severity pickers on the header, and "Classify severity" while it is pending. */
export function registerStatusAndSeverity(app: App, deps: ListenerDeps): void {
  onBlockAction(app, deps, {
    actionId: SET_STATUS_ACTION,
    locate: 'channel',
    react: ({ payload, userId, now }) => {
      const status = z.enum(OPEN_STATUSES).safeParse(chosen(payload)[0]);
      if (!status.success) return COULD_NOT_READ;
      return { command: { type: 'ChangeStatus', actor: userId, now, status: status.data, note: null } };
    },
  });

  onBlockAction(app, deps, {
    actionId: SET_SEVERITY_ACTION,
    locate: 'channel',
    react: ({ payload, incident, userId }) => {
      const severity = z.enum(SEVERITIES).safeParse(chosen(payload)[0]);
      if (!severity.success) return COULD_NOT_READ;
      const allowed = permission(incident.state, userId, 'change_severity');
      if (!allowed.allowed) return { reply: allowed.rejection.message };
      return { modal: changeSeverityModal({ incidentId: incident.id, severity: severity.data }) };
    },
  });

  onBlockAction(app, deps, {
    actionId: CLASSIFY_ACTION,
    locate: 'channel',
    react: ({ incident, userId }) => {
      const allowed = permission(incident.state, userId, 'change_severity');
      if (!allowed.allowed) return { reply: allowed.rejection.message };
      return { modal: classifyModal({ incidentId: incident.id }) };
    },
  });

  onViewSubmission(app, deps, {
    callbackId: CHANGE_SEVERITY_MODAL,
    metadata: severityMetadataSchema,
    fallbackBlock: 'text',
    toCommand: ({ submission, metadata, actor, now }) => ({
      command: {
        type: 'ChangeSeverity',
        actor,
        now,
        severity: metadata.severity,
        reason: inputText(submission, 'text'),
      },
    }),
  });

  onViewSubmission(app, deps, {
    callbackId: CLASSIFY_MODAL,
    metadata: modalMetadataSchema,
    fallbackBlock: TRIAGE_BLOCK,
    toCommand: ({ submission, actor, now }) => {
      const triage = triageAnswers({ title: '', service: '', flags: [], answers: triageValues(submission) });
      if (!triage) return { errors: { [TRIAGE_BLOCK]: 'Please answer every triage question.' } };
      return { command: { type: 'ClassifySeverity', actor, now, triage } };
    },
  });
}

const answerSchema = z.object({
  answer: z.object({ selected_option: z.object({ value: z.string() }).nullish() }).passthrough(),
});

function triageValues(submission: ViewSubmission): Record<string, string> {
  const values = submission.view.state.values;
  const answer = (id: string) =>
    answerSchema.safeParse(values[`triage.${id}`]).data?.answer.selected_option?.value ?? '';
  return {
    customerImpact: answer('customerImpact'),
    criticalPathDown: answer('criticalPathDown'),
    dataAtRisk: answer('dataAtRisk'),
    workaroundExists: answer('workaroundExists'),
  };
}
