import { z } from 'zod';
import { DETECTION_SOURCES, type Detection } from '../../../domain/index.js';
import { DETECTED_BY_BLOCK, DETECTED_LINK_BLOCK, IMPACT_STARTED_BLOCK } from '../views/impact-blocks.js';
import type { ViewSubmission } from './view-submission.js';

const impactSchema = z.object({
  [IMPACT_STARTED_BLOCK]: z
    .object({ at: z.object({ selected_date_time: z.number().nullish() }).passthrough() })
    .optional(),
  [DETECTED_BY_BLOCK]: z
    .object({
      source: z
        .object({ selected_option: z.object({ value: z.enum(DETECTION_SOURCES) }).nullish() })
        .passthrough(),
    })
    .optional(),
  [DETECTED_LINK_BLOCK]: z
    .object({ text: z.object({ value: z.string().nullish() }).passthrough() })
    .optional(),
});

const PICKER_PRECISION_MS = 60_000;

export type ImpactSubmission =
  | { readonly ok: true; readonly impactStartedAt: string | null; readonly detection: Detection | null }
  | { readonly ok: false; readonly errors: Record<string, string> };

/**
 * The resolve form's impact window and detection. A start in the future is refused here, on its
 * field (the picker works in whole minutes, so the current minute counts as now, and the opening's
 * minute as the opening); the domain checks the rest against the incident.
 */
export function parseImpactSubmission(
  submission: ViewSubmission,
  now: string,
  openedAt: string | null,
): ImpactSubmission {
  const parsed = impactSchema.safeParse(submission.view.state.values);
  if (!parsed.success) return { ok: true, impactStartedAt: null, detection: null };
  const seconds = parsed.data[IMPACT_STARTED_BLOCK]?.at.selected_date_time;
  let impactStartedAt: string | null = null;
  if (typeof seconds === 'number') {
    const picked = seconds * 1000;
    const at = Date.parse(now);
    if (picked - at >= PICKER_PRECISION_MS)
      return {
        ok: false,
        errors: {
          [IMPACT_STARTED_BLOCK]: 'Customer impact cannot start in the future; pick a time before now.',
        },
      };
    // The form's default is the opening's minute: within that minute, it means the opening itself.
    const opened = openedAt === null ? null : Date.parse(openedAt);
    const snapped =
      opened !== null && picked <= opened && opened - picked < PICKER_PRECISION_MS ? opened : picked;
    impactStartedAt = new Date(Math.min(snapped, at)).toISOString();
  }
  const source = parsed.data[DETECTED_BY_BLOCK]?.source.selected_option?.value ?? null;
  const link = parsed.data[DETECTED_LINK_BLOCK]?.text.value?.trim() || null;
  if (link !== null && source === null)
    return { ok: false, errors: { [DETECTED_BY_BLOCK]: 'Say how it was detected, to go with the link.' } };
  return { ok: true, impactStartedAt, detection: source === null ? null : { source, link } };
}
