import type { Severity } from '../domain/types.js';
import { parseIsoDuration } from './iso-duration.js';

export type UpdateCadence = Readonly<Record<Severity, number>>;

export const DEFAULT_UPDATE_CADENCE: UpdateCadence = {
  SEV1: 30 * 60_000,
  SEV2: 60 * 60_000,
  SEV3: 0,
  SEV4: 0,
};

const EXAMPLE = 'SEV1=PT30M,SEV2=PT60M,SEV3=PT0S,SEV4=PT0S';

/**
 * Parses `SEV1=PT30M,SEV2=PT60M,…`. Severities left out keep their default, so an operator can
 * change one cadence without restating the others. Returns a problem description instead of throwing.
 */
export function parseUpdateCadence(text: string): UpdateCadence | string {
  const cadence: Record<Severity, number> = { ...DEFAULT_UPDATE_CADENCE };
  for (const pair of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^(SEV[1-4])=(.+)$/.exec(pair);
    const ms = match?.[2] === undefined ? null : parseIsoDuration(match[2]);
    if (!match || ms === null) return `expected pairs like ${EXAMPLE}, got ${JSON.stringify(pair)}`;
    cadence[match[1] as Severity] = ms;
  }
  return cadence;
}
