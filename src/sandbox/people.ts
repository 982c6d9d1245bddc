/** Someone the sandbox's page can act as. Their zone decides when chores (reminders) reach them. */
export interface SamplePerson {
  readonly id: string;
  readonly name: string;
  readonly realName: string;
  readonly role: string;
  readonly tz: string;
}

export const SANDBOX_TEAM = 'T0SANDBOX';
export const SANDBOX_BOT_USER = 'U0ICBOT';
export const SANDBOX_BOT_ID = 'B0ICBOT';

/** Spread over the world, so someone is in working hours (09:00–18:00 on weekdays) most of the day. */
export const SAMPLE_PEOPLE: readonly SamplePerson[] = [
  { id: 'U0RILEY', name: 'riley', realName: 'Riley Reyes', role: 'reporter', tz: 'America/New_York' },
  { id: 'U0CASEY', name: 'casey', realName: 'Casey Chen', role: 'commander', tz: 'Europe/London' },
  { id: 'U0KIM', name: 'kim', realName: 'Kim Kowalski', role: 'communicator', tz: 'Europe/Berlin' },
  { id: 'U0SAM', name: 'sam', realName: 'Sam Sharma', role: 'senior engineer', tz: 'Asia/Kolkata' },
  { id: 'U0VAL', name: 'val', realName: 'Val Vargas', role: 'VP of Engineering', tz: 'America/Los_Angeles' },
];

/** The channels the bot is configured with, and one to start in. Everyone is a member. */
export const SANDBOX_CHANNELS = {
  general: { id: 'C0GENERAL', name: 'general' },
  announce: { id: 'C0INCIDENTS', name: 'incidents' },
  stakeholder: { id: 'C0STATUS', name: 'status-updates' },
  postmortem: { id: 'C0POSTMORTEMS', name: 'postmortems' },
} as const;

export const SENIOR_ENGINEER = 'U0SAM';
export const VP_OF_ENGINEERING = 'U0VAL';
