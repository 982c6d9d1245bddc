import { describe, expect, it } from 'vitest';
import { renderHeader } from '../../../src/adapters/slack/views/header.js';
import { effectsFor, KEPT_OFF_THE_HEADER } from '../../../src/app/effects-for.js';
import { type OpenedIncident, replay } from '../../../src/domain/index.js';
import { incidentHistory } from '../../fixtures/incident-history.js';
import { POLICY } from '../domain/spec.js';

const header = (events: typeof incidentHistory) =>
  renderHeader(replay(events) as OpenedIncident, { policy: POLICY, command: '/incident' });

describe('what the pinned header never shows', () => {
  it('renders the header exactly as before, wherever it comes in an incident', () => {
    const seen = new Set<string>();
    incidentHistory.forEach((event, i) => {
      if (!KEPT_OFF_THE_HEADER.has(event.type) || i === 0) return;
      seen.add(event.type);
      expect(header(incidentHistory.slice(0, i + 1)), event.type).toEqual(
        header(incidentHistory.slice(0, i)),
      );
    });
    // Every type the set names was checked against the real view.
    expect([...seen].sort()).toEqual([...KEPT_OFF_THE_HEADER].sort());
  });

  it('asks for no header render when a batch holds only those, and for one when anything else changed', () => {
    const note = incidentHistory.find((event) => event.type === 'NoteAdded');
    const hypothesis = incidentHistory.find((event) => event.type === 'HypothesisProposed');
    if (!note || !hypothesis) throw new Error('the fixture lost its note or hypothesis');
    expect(effectsFor([note], false)).toEqual([]);
    expect(effectsFor([note, hypothesis], false)).toEqual([{ kind: 'header.render' }]);
  });
});
