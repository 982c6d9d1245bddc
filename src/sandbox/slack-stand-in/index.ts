export { blockKitProblems, messageRefusal, viewProblems, viewRefusal } from './block-kit-limits.js';
export type { RecordedCall } from './call-log.js';
export type { ResponseTarget, StandInEphemeral } from './ephemerals.js';
export { acceptView } from './limits.js';
export { SlackApiError } from './method-types.js';
export { channelJson, messageJson } from './methods-conversations.js';
export { userJson } from './methods-users.js';
export type { AppCredentials, Approval, OAuthGrants, TokenOwner } from './oauth.js';
export { showAnswer } from './response-url.js';
export { type SlackStandIn, type StandInOptions, startSlackStandIn } from './server.js';
export type {
  NewChannel,
  StandInChannel,
  StandInFile,
  StandInMessage,
  StandInUser,
  StandInView,
  Workspace,
} from './workspace.js';
