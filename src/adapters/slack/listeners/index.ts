import type { App } from '@slack/bolt';
import { registerActionLifecycle } from './action-lifecycle.js';
import { registerAppHome } from './app-home.js';
import { registerCapture } from './capture.js';
import { registerDecision } from './decision.js';
import type { ListenerDeps } from './deps.js';
import { registerEventDedupe } from './event-dedupe.js';
import { registerFollowUps } from './follow-ups.js';
import { registerHypothesisLifecycle } from './hypothesis-lifecycle.js';
import { registerIncidentCommand } from './incident-command.js';
import { registerOpenModal } from './open-modal.js';
import { registerPostmortem } from './postmortem.js';
import { registerResolve } from './resolve.js';
import { registerRoles } from './roles.js';
import { registerStakeholderUpdate } from './stakeholder-update.js';
import { registerStatusAndSeverity } from './status-and-severity.js';
import { registerTextModals } from './text-modals.js';
import { registerUninstall } from './uninstall.js';

/** Registers every listener. Global middleware first: it runs before any listener. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerEventDedupe(app, deps);
  registerIncidentCommand(app, deps);
  registerRoles(app, deps);
  registerAppHome(app, deps);
  registerTextModals(app, deps);
  registerCapture(app, deps);
  registerOpenModal(app, deps);
  registerHypothesisLifecycle(app, deps);
  registerDecision(app, deps);
  registerActionLifecycle(app, deps);
  registerStatusAndSeverity(app, deps);
  registerResolve(app, deps);
  registerStakeholderUpdate(app, deps);
  registerPostmortem(app, deps);
  registerFollowUps(app, deps);
  registerUninstall(app, deps);
}
