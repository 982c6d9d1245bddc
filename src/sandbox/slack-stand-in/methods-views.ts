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

function storeView(
  workspace: Workspace,
  view: Record<string, unknown>,
  userId: string | null,
  id = workspace.newId('V'),
) {
  const stored = { ...view, id, hash: `${Date.now()}.${id}`, state: { values: {} } };
  workspace.views.set(id, { id, view: stored, userId });
  return { view: stored };
}

/** views.open, views.push, views.update, views.publish. */
export const viewMethods: Record<string, MethodHandler> = {
  'views.open': (args, { workspace }) => {
    required(args, 'trigger_id');
    return storeView(workspace, viewArg(args), null);
  },
  'views.push': (args, { workspace }) => {
    required(args, 'trigger_id');
    return storeView(workspace, viewArg(args), null);
  },
  'views.update': (args, { workspace }) => {
    const id = text(args, 'view_id');
    const externalId = text(args, 'external_id');
    const existing = id
      ? workspace.views.get(id)
      : [...workspace.views.values()].find((v) => v.view.external_id === externalId && externalId !== '');
    if (!existing) throw new SlackApiError('not_found');
    return storeView(workspace, viewArg(args), existing.userId, existing.id);
  },
  'views.publish': (args, { workspace }) => {
    const userId = required(args, 'user_id');
    if (!workspace.user(userId)) throw new SlackApiError('user_not_found');
    const view = viewArg(args);
    if (view.type !== 'home') throw new SlackApiError('invalid_arguments');
    workspace.homeViews.set(userId, view);
    return storeView(workspace, view, userId);
  },
};
