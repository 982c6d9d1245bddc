import type { View } from '@slack/types';
import { postmortemRequired, type SeverityOrPending } from '../../../domain/index.js';
import { formModal, textInput } from './form.js';
import { impactBlocks } from './impact-blocks.js';
import { pendingSeverityBlocks } from './resolve-severity.js';

/** The block of the final update to stakeholders (its input's action id is `text`). */
export const FINAL_UPDATE_BLOCK = 'final_update';

export const RESOLVE_MODAL = 'incident.resolve';

/** What the resolve form is opened with, besides the severity. */
export interface ResolveFormExtras {
  /** When the incident opened: where the customer impact window starts unless moved. */
  readonly openedAt?: string;
  /** The final update to stakeholders, prefilled with its past-tense draft. */
  readonly finalUpdate?: string;
  /** It escalated: its postmortem is owed, so the form does not ask. */
  readonly escalated?: boolean;
}

/**
 * Resolving: what fixed it, when customer impact started and ended, how it was detected, (below
 * SEV2) whether to hold a postmortem, and the final update to stakeholders.
 */
export function resolveModal(
  metadata: { incidentId: string },
  severity: SeverityOrPending,
  { openedAt, finalUpdate, escalated = false }: ResolveFormExtras = {},
): View {
  // The domain's rule decides which incidents always get a postmortem; only the others are asked.
  const askPostmortem = !postmortemRequired(severity, false, escalated);
  return formModal({
    callbackId: RESOLVE_MODAL,
    title: 'Resolve incident',
    submit: 'Resolve',
    metadata,
    blocks: [
      ...pendingSeverityBlocks(severity),
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
      ...(openedAt ? impactBlocks(openedAt) : []),
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
      ...(finalUpdate === undefined ? [] : [finalUpdateInput(finalUpdate)]),
    ],
  });
}

function finalUpdateInput(draft: string) {
  return textInput({
    blockId: FINAL_UPDATE_BLOCK,
    field: 'update',
    label: 'Final update to stakeholders',
    hint: 'Posted to stakeholders and this channel when you resolve. Its times assume customer impact ended when this form opened: correct them if you pick another time above. Empty it to post none.',
    optional: true,
    initialValue: draft,
  });
}
