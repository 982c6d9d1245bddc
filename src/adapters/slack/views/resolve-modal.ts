import type { View } from '@slack/types';
import type { Severity, SeverityOrPending } from '../../../domain/index.js';

export const RESOLVE_MODAL = 'incident.resolve';

/** Resolving: what fixed it, when customer impact ended, and (below SEV2) whether to hold a postmortem. */
export function resolveModal(metadata: { incidentId: string }, severity: SeverityOrPending): View {
  const always: readonly Severity[] = ['SEV1', 'SEV2'];
  const askPostmortem = !always.includes(severity as Severity);
  return {
    type: 'modal',
    callback_id: RESOLVE_MODAL,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Resolve incident' },
    submit: { type: 'plain_text', text: 'Resolve' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'summary',
        label: { type: 'plain_text', text: 'What fixed it?' },
        hint: { type: 'plain_text', text: 'A sentence or two, for stakeholders and the postmortem.' },
        element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 3000 },
      },
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
                  text: `A ${severity} incident always gets a postmortem; its clock starts now.`,
                },
              ],
            },
          ]),
    ],
  };
}
