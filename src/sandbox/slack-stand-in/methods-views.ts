import { acceptView } from './limits.js';
import { type Args, type MethodHandler, required, SlackApiError, text } from './method-types.js';
import type { Workspace } from './workspace.js';

/** The view argument, refused as Slack refuses it when it breaks a Block Kit limit. */
function viewArg(args: Args): Record<string, unknown> {
  const view = args.view;
  if (view === null || typeof view !== 'object') throw new SlackApiError('invalid_arguments');
  acceptView(view);
  return view as Record<string, unknown>;
}

/** The person a trigger id was issued to (null for ids the stand-in never issued); refused once expired. */
function triggerOwner(workspace: Workspace, args: Args): string | null {
  const { userId, expired } = workspace.triggers.owner(required(args, 'trigger_id'));
  if (expired) throw new SlackApiError('expired_trigger_id');
  return userId;
}

/** views.open, views.push, views.update, views.publish. */
export const viewMethods: Record<string, MethodHandler> = {
  'views.open': (args, { workspace }) => {
    const userId = triggerOwner(workspace, args);
    const view = workspace.storeView(viewArg(args), userId);
    if (userId) workspace.modals.open(userId, view.id);
    return { view };
  },
  'views.push': (args, { workspace }) => {
    const userId = triggerOwner(workspace, args);
    const view = workspace.storeView(viewArg(args), userId);
    if (userId) workspace.modals.push(userId, view.id);
    return { view };
  },
  'views.update': (args, { workspace }) => {
    const id = text(args, 'view_id');
    const externalId = text(args, 'external_id');
    const existing = id
      ? workspace.views.get(id)
      : [...workspace.views.values()].find((v) => v.view.external_id === externalId && externalId !== '');
    if (!existing) throw new SlackApiError('not_found');
    workspace.modals.clearErrors(existing.id);
    return { view: workspace.storeView(viewArg(args), existing.userId, existing.id) };
  },
  'views.publish': (args, { workspace }) => {
    const userId = required(args, 'user_id');
    if (!workspace.user(userId)) throw new SlackApiError('user_not_found');
    const view = viewArg(args);
    if (view.type !== 'home') throw new SlackApiError('invalid_arguments');
    workspace.homeViews.set(userId, view);
    return { view: workspace.storeView(view, userId) };
  },
};
