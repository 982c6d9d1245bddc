import type { ProposeHypothesis, UpdateHypothesis, WithdrawHypothesis } from './commands.js';
import { refusing, requireActive, requireText } from './guards.js';
import { reject } from './rejection.js';
import type { Hypothesis, HypothesisStatus, OpenedIncident } from './state.js';
import { acceptFrom, refuse, unchanged, type Verdict } from './verdict.js';

/** Where a hypothesis may go from where it is. A withdrawn one is history; propose it anew. */
const NEXT: Readonly<Record<HypothesisStatus, readonly HypothesisStatus[]>> = {
  proposed: ['testing', 'ruled_out', 'confirmed'],
  testing: ['ruled_out', 'confirmed'],
  ruled_out: ['testing'],
  confirmed: [],
  withdrawn: [],
};

export function decideProposeHypothesis(command: ProposeHypothesis, state: OpenedIncident): Verdict {
  requireActive(state, 'add a hypothesis');
  if (state.hypotheses.some((h) => h.id === command.hypothesisId)) return unchanged;
  const text = requireText(command.text, 'hypothesis', 'the hypothesis in a sentence');
  return acceptFrom(command, { type: 'HypothesisProposed', hypothesisId: command.hypothesisId, text });
}

export function decideUpdateHypothesis(command: UpdateHypothesis, state: OpenedIncident): Verdict {
  requireActive(state, 'change a hypothesis');
  const hypothesis = find(state, command.hypothesisId);
  if (hypothesis.status === command.status) return unchanged;
  if (!NEXT[hypothesis.status].includes(command.status)) {
    const advice =
      hypothesis.status === 'confirmed'
        ? 'withdraw it with a reason first'
        : 'propose it again as a new hypothesis';
    return refuse(
      reject(
        'invalid_transition',
        `That hypothesis is ${label(hypothesis.status)}; to mark it ${label(command.status)}, ${advice}.`,
      ),
    );
  }
  let evidence: string | null = null;
  if (command.status !== 'testing') {
    const given = requireText(
      command.evidence,
      'evidence',
      `the evidence that it is ${label(command.status)}`,
    );
    evidence = given;
  }
  return acceptFrom(command, {
    type: 'HypothesisUpdated',
    hypothesisId: hypothesis.id,
    status: command.status,
    evidence,
  });
}

export function decideWithdrawHypothesis(command: WithdrawHypothesis, state: OpenedIncident): Verdict {
  requireActive(state, 'withdraw a hypothesis');
  const hypothesis = find(state, command.hypothesisId);
  if (hypothesis.status === 'withdrawn') return unchanged;
  if (hypothesis.status !== 'confirmed') {
    return refuse(
      reject(
        'invalid_transition',
        'Only a confirmed hypothesis is withdrawn; rule this one out with evidence instead.',
      ),
    );
  }
  const reason = requireText(command.reason, 'reason', 'why the confirmation no longer holds');
  return acceptFrom(command, { type: 'HypothesisWithdrawn', hypothesisId: hypothesis.id, reason });
}

function find(state: OpenedIncident, id: string): Hypothesis {
  return (
    state.hypotheses.find((h) => h.id === id) ??
    refusing(reject('unknown_hypothesis', 'I cannot find that hypothesis; pick one from the header.'))
  );
}

const label = (status: HypothesisStatus): string => status.replace('_', ' ');
