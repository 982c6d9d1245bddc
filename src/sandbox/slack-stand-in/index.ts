export type { RecordedCall } from './call-log.js';
export { type SlackStandIn, type StandInOptions, startSlackStandIn } from './server.js';
export type {
  NewChannel,
  StandInChannel,
  StandInFile,
  StandInMessage,
  StandInUser,
  Workspace,
} from './workspace.js';
