import type { IncidentEvent } from '../../../src/domain/index.js';
import { ALEX, at } from './spec.js';

/** A hypothesis proposed by Alex two minutes in. */
export const hypothesis = (id: string, text: string): IncidentEvent => ({
  type: 'HypothesisProposed',
  at: at(2),
  by: ALEX,
  hypothesisId: id,
  text,
});

/** A hypothesis ruled out or confirmed by Alex, with its evidence (twelve minutes in unless told). */
export const mark = (
  id: string,
  status: 'ruled_out' | 'confirmed',
  evidence = 'seen',
  minutes = 12,
): IncidentEvent => ({
  type: 'HypothesisUpdated',
  at: at(minutes),
  by: ALEX,
  hypothesisId: id,
  status,
  evidence,
});
