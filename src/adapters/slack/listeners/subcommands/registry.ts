import type { SubcommandHandler } from './context.js';
import { decision } from './decision.js';
import { escalate } from './escalate.js';
import { open } from './open.js';
import { postmortem } from './postmortem.js';
import { resolve } from './resolve.js';
import { runbook } from './runbook.js';
import { reopen, service } from './service-and-reopen.js';
import { stats } from './stats.js';
import { status } from './status.js';
import { timers } from './timers.js';
import { update } from './update.js';
import { action, hypothesis, note, severity } from './work.js';

/** Subcommands by name (CONTRACT.md grammar); `help` and unknown words are answered by the router. */
export const SUBCOMMANDS: Readonly<Record<string, SubcommandHandler>> = {
  open,
  status,
  hypothesis,
  action,
  note,
  severity,
  decision,
  resolve,
  update,
  timers,
  postmortem,
  stats,
  escalate,
  service,
  reopen,
  runbook,
};
