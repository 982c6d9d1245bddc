import type { App } from '@slack/bolt';
import { z } from 'zod';
import { hasEscalated, permission, SEVERITIES, type Severity } from '../../../domain/index.js';
import { parseImpactSubmission } from '../parse/impact-submission.js';
import { modalMetadataSchema } from '../parse/modal-metadata.js';
import { inputText } from '../parse/view-submission.js';
import { finalUpdateField } from '../views/final-update-field.js';
import { RESOLVE_ACTION } from '../views/header.js';
import { DETECTED_BY_BLOCK, DETECTED_LINK_BLOCK, IMPACT_STARTED_BLOCK } from '../views/impact-blocks.js';
import { FINAL_UPDATE_BLOCK, RESOLVE_MODAL, resolveModal } from '../views/resolve-modal.js';
import { RESOLVE_SEVERITY_ACTION, RESOLVE_SEVERITY_BLOCK } from '../views/resolve-severity.js';
import type { ListenerDeps } from './deps.js';
import { onBlockAction } from './kit/block-action.js';
import { onViewSubmission } from './kit/view-submission.js';

const pickedSchema = z.object({
  [RESOLVE_SEVERITY_BLOCK]: z
    .object({
      [RESOLVE_SEVERITY_ACTION]: z
        .object({ selected_option: z.object({ value: z.string() }).nullish() })
        .passthrough(),
    })
    .optional(),
  impact_ended: z
    .object({ at: z.object({ selected_date_time: z.number().nullish() }).passthrough() })
    .optional(),
  postmortem: z
    .object({
      wanted: z
        .object({ selected_options: z.array(z.object({ value: z.string() })).nullish() })
        .passthrough(),
    })
    .optional(),
});

/** The header's Resolve button (the commander's call) and the resolve modal's submission. */
export function registerResolve(app: App, deps: ListenerDeps): void {
  onBlockAction(app, deps, {
    actionId: RESOLVE_ACTION,
    locate: 'channel',
    react: ({ incident, userId, now }) => {
      if (incident.state.status === 'none') return { reply: 'There is no incident here.' };
      const allowed = permission(incident.state, userId, 'resolve');
      if (!allowed.allowed) return { reply: allowed.rejection.message };
      return {
        modal: resolveModal({ incidentId: incident.id }, incident.state.severity, {
          openedAt: incident.state.openedAt,
          finalUpdate: finalUpdateField(incident.state, now, deps.config.timezone),
          escalated: hasEscalated(incident.state),
        }),
      };
    },
  });

  onViewSubmission(app, deps, {
    callbackId: RESOLVE_MODAL,
    metadata: modalMetadataSchema,
    fallbackBlock: 'summary',
    fields: {
      summary: 'summary',
      impactEndedAt: 'impact_ended',
      impactStartedAt: IMPACT_STARTED_BLOCK,
      detection: DETECTED_BY_BLOCK,
      detectionLink: DETECTED_LINK_BLOCK,
      update: FINAL_UPDATE_BLOCK,
      severity: RESOLVE_SEVERITY_BLOCK,
    },
    toCommand: async ({ submission, metadata, actor, now }, deps) => {
      const picked = pickedSchema.safeParse(submission.view.state.values);
      const seconds = picked.data?.impact_ended?.at.selected_date_time;
      const incident = await deps.store.findById(metadata.incidentId);
      const openedAt = incident && incident.state.status !== 'none' ? incident.state.openedAt : null;
      const impact = parseImpactSubmission(submission, now, openedAt);
      if (!impact.ok) return { errors: impact.errors };
      const impactEndedAt =
        typeof seconds === 'number' && incident && incident.state.status !== 'none'
          ? withinPickerPrecision(new Date(seconds * 1000), new Date(incident.state.openedAt), new Date(now))
          : null;
      return {
        command: {
          type: 'Resolve',
          actor,
          now,
          summary: inputText(submission, 'summary'),
          impactEndedAt,
          postmortemWanted: (picked.data?.postmortem?.wanted.selected_options ?? []).some(
            (o) => o.value === 'wanted',
          ),
          impactStartedAt: impact.impactStartedAt,
          detection: impact.detection,
          finalUpdate: inputText(submission, FINAL_UPDATE_BLOCK).trim() || null,
          severity: severityPicked(picked.data?.[RESOLVE_SEVERITY_BLOCK]?.[RESOLVE_SEVERITY_ACTION]),
        },
      };
    },
  });
}

/** The severity chosen on the form (shown only while pending); anything else is no choice. */
function severityPicked(select: { selected_option?: { value: string } | null } | undefined): Severity | null {
  const chosen = z.enum(SEVERITIES).safeParse(select?.selected_option?.value);
  return chosen.success ? chosen.data : null;
}

const PICKER_PRECISION_MS = 60_000;

/**
 * Slack's date-time picker works in whole minutes: picking the minute the incident opened (or the
 * current minute) lands just outside the incident. Within that precision, take the nearest instant
 * inside it; anything further off is left for the domain to refuse.
 */
export function withinPickerPrecision(picked: Date, openedAt: Date, now: Date): string {
  if (picked < openedAt && openedAt.getTime() - picked.getTime() < PICKER_PRECISION_MS)
    return openedAt.toISOString();
  if (picked > now && picked.getTime() - now.getTime() < PICKER_PRECISION_MS) return now.toISOString();
  return picked.toISOString();
}
