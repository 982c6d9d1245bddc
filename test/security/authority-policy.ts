/**
 * Who can do what to an incident: the policy, at a glance. `test/security/authority-matrix.test.ts`
 * checks every cell against the domain (and the command core's visibility binding), and that the
 * README's "Who can do what" shows this very table.
 *
 * The people: the three role holders; a participant who holds no role (they added a note); a
 * stranger who never worked the incident; and that stranger again on a private incident, where
 * they are refused before any rule is asked. "yes": the change is recorded; "no": refused, and
 * the answer names who can do it; "—": does not apply to them.
 */
export const WHO_CAN_DO_WHAT = `
| operation | who may | commander | communicator | scribe | participant | stranger | stranger, private incident |
|---|---|---|---|---|---|---|---|
| take a free role | anyone who can see the incident | yes | yes | yes | yes | yes | no |
| take a role someone else holds | nobody: its holder hands it off | no | no | no | no | no | no |
| assign a free role | anyone who can see the incident (a private one: only its participants bring someone in) | yes | yes | yes | yes | yes | no |
| move a role someone else holds | the commander | yes | no | no | no | no | no |
| hand off your own role | its holder | yes | yes | yes | — | — | — |
| hand off a role someone else holds | nobody: its holder hands it off (the commander moves it) | no | no | no | no | no | no |
| release your own role | its holder | yes | yes | yes | — | — | — |
| release a role someone else holds | the commander | yes | no | no | no | no | no |
| resolve | the commander | yes | no | no | no | no | no |
| reopen | the commander | yes | no | no | no | no | no |
| change the severity | the commander | yes | no | no | no | no | no |
| classify the severity (triage answers) | the commander | yes | no | no | no | no | no |
| lift the diagnosis hold | the commander | yes | no | no | no | no | no |
| record the postmortem | the commander | yes | no | no | no | no | no |
| set the service | the commander | yes | no | no | no | no | no |
| complete or drop your own follow-up | its owner | yes | yes | yes | yes | — | — |
| complete or drop someone else's follow-up | its owner or the commander | yes | no | no | no | no | no |
| propose a hypothesis | anyone who can see the incident | yes | yes | yes | yes | yes | no |
| start an action | anyone who can see the incident | yes | yes | yes | yes | yes | no |
| add a note | anyone who can see the incident | yes | yes | yes | yes | yes | no |
| record a decision | anyone who can see the incident | yes | yes | yes | yes | yes | no |
| change the status | anyone who can see the incident | yes | yes | yes | yes | yes | no |
| post a stakeholder update | anyone who can see the incident | yes | yes | yes | yes | yes | no |
| escalate now | anyone who can see the incident | yes | yes | yes | yes | yes | no |
`;

/** While nobody is commander, the commander's operations are anyone's who can see the incident. */
export const NO_COMMANDER_RULE =
  "While nobody is commander, the commander's operations are open to anyone who can see the incident, and the timeline records that they acted without the role.";

export const PEOPLE = [
  'commander',
  'communicator',
  'scribe',
  'participant',
  'stranger',
  'stranger, private incident',
] as const;
export type Person = (typeof PEOPLE)[number];
export type Cell = 'yes' | 'no' | '—';

export interface PolicyRow {
  readonly operation: string;
  readonly whoMay: string;
  readonly cells: Readonly<Record<Person, Cell>>;
}

/** The table's rows, read back from its Markdown. */
export function policyRows(table: string = WHO_CAN_DO_WHAT): PolicyRow[] {
  const lines = table.trim().split('\n');
  const header = cellsOf(lines[0] ?? '');
  if (header.slice(2).join() !== PEOPLE.join()) throw new Error(`unexpected columns: ${header.join(' | ')}`);
  return lines.slice(2).map((line) => {
    const [operation = '', whoMay = '', ...cells] = cellsOf(line);
    if (cells.length !== PEOPLE.length || cells.some((c) => !['yes', 'no', '—'].includes(c)))
      throw new Error(`bad row: ${line}`);
    return {
      operation,
      whoMay,
      cells: Object.fromEntries(PEOPLE.map((person, i) => [person, cells[i]])) as Record<Person, Cell>,
    };
  });
}

const cellsOf = (line: string): string[] =>
  line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
