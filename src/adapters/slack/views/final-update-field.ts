import { finalUpdateDraft, type Instant, type OpenedIncident } from '../../../domain/index.js';
import { timeWords } from './time-words.js';

/** The resolve form's final-update draft: impact taken to end now, times in TIMEZONE. */
export const finalUpdateField = (state: OpenedIncident, now: Instant, zone: string): string =>
  finalUpdateDraft(state, now, timeWords(zone, now));
