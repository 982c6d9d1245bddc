import { z } from 'zod';
import type { TriageAnswers } from '../../../domain/index.js';
import type { OpenModalMetadata, OpenModalValues } from '../views/open-modal.js';
import { teamId, userId } from './slack-ids.js';

const answer = z.object({ selected_option: z.object({ value: z.string() }).nullish() }).passthrough();
const text = z.object({ value: z.string().nullish() }).passthrough();

/** The open modal's values, as Slack submits them (unknown fields pass through). */
export const openSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  team: z.object({ id: teamId }).nullable(),
  user: z.object({ id: userId, team_id: teamId.optional() }),
  view: z.object({
    private_metadata: z.string(),
    state: z.object({
      values: z.object({
        title: z.object({ text }),
        service: z.object({ text }).optional(),
        'triage.customerImpact': z.object({ answer }),
        'triage.criticalPathDown': z.object({ answer }),
        'triage.dataAtRisk': z.object({ answer }),
        'triage.workaroundExists': z.object({ answer }),
        flags: z
          .object({
            flags: z
              .object({ selected_options: z.array(z.object({ value: z.string() })).nullish() })
              .passthrough(),
          })
          .optional(),
      }),
    }),
  }),
});

export type OpenSubmission = z.output<typeof openSubmissionSchema>;

const metadataSchema = z.object({ channel: z.string(), duplicateAcknowledged: z.boolean().default(false) });

export function openMetadata(submission: OpenSubmission): OpenModalMetadata {
  try {
    return metadataSchema.parse(JSON.parse(submission.view.private_metadata));
  } catch {
    return { channel: '', duplicateAcknowledged: false };
  }
}

/** The values typed and chosen, to re-show them if the modal is shown again. */
export function openValues(submission: OpenSubmission): OpenModalValues {
  const v = submission.view.state.values;
  const flags = (v.flags?.flags.selected_options ?? [])
    .map((o) => o.value)
    .filter((f): f is 'private' | 'drill' => f === 'private' || f === 'drill');
  return {
    title: v.title.text.value ?? '',
    service: v.service?.text.value ?? '',
    answers: {
      customerImpact: v['triage.customerImpact'].answer.selected_option?.value ?? '',
      criticalPathDown: v['triage.criticalPathDown'].answer.selected_option?.value ?? '',
      dataAtRisk: v['triage.dataAtRisk'].answer.selected_option?.value ?? '',
      workaroundExists: v['triage.workaroundExists'].answer.selected_option?.value ?? '',
    },
    flags,
  };
}

/** The triage answers, or null when one is missing or not an option we offered. */
export function triageAnswers(values: OpenModalValues): TriageAnswers | null {
  const impact = values.answers.customerImpact;
  const yesNo = (key: string) =>
    values.answers[key] === 'yes' ? true : values.answers[key] === 'no' ? false : null;
  const [critical, data, workaround] = [
    yesNo('criticalPathDown'),
    yesNo('dataAtRisk'),
    yesNo('workaroundExists'),
  ];
  if (
    (impact !== 'none' && impact !== 'some' && impact !== 'most') ||
    critical === null ||
    data === null ||
    workaround === null
  )
    return null;
  return {
    customerImpact: impact,
    criticalPathDown: critical,
    dataAtRisk: data,
    workaroundExists: workaround,
  };
}
