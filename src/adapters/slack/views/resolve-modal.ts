import type { View } from '@slack/types';
import { postmortemRequired, type SeverityOrPending } from '../../../domain/index.js';
import { formModal, textInput } from './form.js';

export const RESOLVE_MODAL = 'incident.resolve';

/** Resolving: what fixed it, when customer impact ended, and (below SEV2) whether to hold a postmortem. */
export function resolveModal(
  metadata: { incidentId: string },
  severity: SeverityOrPending,
  escalated = false,
): View {
  // The domain's rule decides which incidents always get a postmortem; only the others are asked.
  const askPostmortem = !postmortemRequired(severity, false, escalated);
  return formModal({
    callbackId: RESOLVE_MODAL,
    title: 'Resolve incident',
    submit: 'Resolve',
    metadata,
    blocks: [
      textInput({
        blockId: 'summary',
        field: 'summary',
        label: 'What fixed it?',
        hint: 'A sentence or two, for stakeholders and the postmortem.',
      }),
      {
        type: 'input',
        block_id: 'impact_ended',
        optional: true,
        label: { type: 'plain_text', text: 'When did customer impact end?' },
        hint: { type: 'plain_text', text: 'Leave empty if it ended just now.' },
        element: { type: 'datetimepicker', action_id: 'at' },
      },
      ...(askPostmortem
        ? [
            {
              type: 'input' as const,
              block_id: 'postmortem',
              optional: true,
              label: { type: 'plain_text' as const, text: 'Postmortem' },
              element: {
                type: 'checkboxes' as const,
                action_id: 'wanted',
                options: [
                  {
                    value: 'wanted',
                    text: { type: 'plain_text' as const, text: 'Hold a postmortem for this one' },
                  },
                ],
              },
            },
          ]
        : [
            {
              type: 'context' as const,
              elements: [
                {
                  type: 'mrkdwn' as const,
                  text: escalated
                    ? 'This incident escalated, so it gets a postmortem; its clock starts now.'
                    : `A ${severity} incident always gets a postmortem; its clock starts now.`,
                },
              ],
            },
          ]),
    ],
  });
}
