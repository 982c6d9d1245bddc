/**
 * The headings of the postmortem Markdown, in order, after its title: the fixed outline the
 * renderer writes whatever the incident (and that nothing people typed may add to).
 */
export const POSTMORTEM_OUTLINE = [
  '## Summary',
  '## Impact',
  '## Key times',
  '## Timeline',
  '## Hypotheses',
  '### Confirmed',
  '### Ruled out',
  '## Decisions',
  '## Actions taken',
  '## How the process went',
  '## Agenda (blameless)',
  '## Follow-ups (exactly three, ranked by impact)',
] as const;
