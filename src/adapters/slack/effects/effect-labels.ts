import type { EffectKind } from '../../../app/effects.js';

/** Each Slack side effect in words, for the commander reading what did not get through. */
export const EFFECT_LABELS: Readonly<Record<EffectKind, string>> = {
  'channel.create': 'creating the incident channel',
  'channel.invite': 'an invitation to the channel',
  'header.render': 'the pinned header',
  'announcement.render': 'the announcement',
  'reporter.confirm': 'the confirmation to the reporter',
  'hold.summary': 'the end-of-hold summary',
  'escalation.page': 'the escalation page',
  'escalation.brief': 'the escalation brief to the VP',
  'update.nudge': 'a stakeholder update nudge',
  'update.post': 'a stakeholder update',
  'resolution.post': 'the resolution message',
  'postmortem.draft': 'the postmortem draft',
  'postmortem.record': 'the postmortem record',
  'postmortem.export': 'the postmortem record sent again',
  'postmortem.remind': 'a postmortem reminder',
  'follow-up.remind': 'a follow-up reminder',
  'change.notice': 'a notice of a change in the channel',
  'commander.brief': 'the briefing to the new commander',
  'stage.prompt': 'the prompt to post an update for the new stage',
  'commander.nudge': 'the nudge to take command',
};
