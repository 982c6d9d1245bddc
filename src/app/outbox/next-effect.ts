import { COALESCED_EFFECTS, type Effect } from '../effects.js';
import type { PendingEffect } from '../ports/outbox.js';

/** What to do next in an incident's outbox. */
export type NextStep =
  /** Perform `item`; when it succeeds, finish `alike` (itself and the renders it stands for). */
  | { readonly kind: 'perform'; readonly item: PendingEffect; readonly alike: readonly number[] }
  /** `item` can never run (what it needs failed for good): finish it as failed. */
  | { readonly kind: 'fail'; readonly item: PendingEffect; readonly reason: string };

/**
 * What can be done next, all at once. Effects are independent of each other except where one truly
 * needs another: everything posted in the incident's channel (and anything linking to it) waits
 * for the channel. So an effect waiting out a backoff, or given up on, never holds back unrelated
 * later ones; within what is ready, the oldest of each lane (see {@link laneOf}) goes, which keeps
 * messages in order while the header does not wait for an invitation or the announcement. Or one
 * effect that must fail; empty when nothing is ready.
 */
export function nextEffects(pending: readonly PendingEffect[], hasChannel: boolean): NextStep[] {
  const channelPending = pending.some((p) => p.effect.kind === 'channel.create');
  const steps: NextStep[] = [];
  const lanes = new Set<string>();
  for (const item of pending) {
    if (!item.due) continue;
    if (needsChannel(item.effect) && !hasChannel) {
      if (channelPending) continue;
      return [{ kind: 'fail', item, reason: 'the incident channel could not be created' }];
    }
    const lane = laneOf(item.effect);
    if (lanes.has(lane)) continue;
    lanes.add(lane);
    const alike = COALESCED_EFFECTS.has(item.effect.kind)
      ? pending.filter((other) => other.effect.kind === item.effect.kind).map((other) => other.id)
      : [item.id];
    steps.push({ kind: 'perform', item, alike });
  }
  return steps;
}

/** Every effect but creating the channel happens in it, or links to it. */
const needsChannel = (effect: Effect): boolean => effect.kind !== 'channel.create';

/**
 * Effects in different lanes touch different things in Slack and may run at the same time; within
 * a lane they run one at a time, oldest first. Everything posted in the incident channel shares one
 * lane, so its messages keep their order; the channel's purpose, its members, the announcement (in
 * another channel) and the reporter's confirmation (a response URL) each have their own.
 */
function laneOf(effect: Effect): string {
  switch (effect.kind) {
    case 'channel.purpose':
    case 'channel.invite':
    case 'announcement.render':
    case 'reporter.confirm':
      return effect.kind;
    default:
      return 'channel';
  }
}
