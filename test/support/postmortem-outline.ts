/**
 * The headings of the postmortem Markdown, in order, after its title: the fixed outline the
 * renderer writes whatever the incident (and that nothing people typed may add to).
 */
export const POSTMORTEM_OUTLINE = [
  '## Summary',
  '## Impact',
  '## Detection',
  '## Key times',
  '## Root causes and trigger',
  '## Contributing factors',
  '## Timeline',
  '## Hypotheses',
  '### Confirmed',
  '### Ruled out',
  '### Still open at resolution',
  '## Decisions',
  '## Actions taken',
  '## Runbook',
  '## Responders',
  '## Customer message',
  '## How the process went',
  '## What went well',
  '## What went wrong',
  '## Where we got lucky',
  '## Agenda (blameless)',
  '## Follow-ups (exactly three, ranked by impact)',
  '## Owner and meeting',
] as const;
