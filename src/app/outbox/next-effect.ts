import { COALESCED_EFFECTS, type Effect } from '../effects.js';
import type { PendingEffect } from '../ports/outbox.js';

/** What to do next in an incident's outbox. */
export type NextStep =
  /** Perform `item`; when it succeeds, finish `alike` (itself and the renders it stands for). */
  | { readonly kind: 'perform'; readonly item: PendingEffect; readonly alike: readonly number[] }
  /** `item` can never run (what it needs failed for good): finish it as failed. */
  | { readonly kind: 'fail'; readonly item: PendingEffect; readonly reason: string }
  | { readonly kind: 'idle' };

/**
 * Picks the next effect to perform. Effects are independent of each other except where one truly
 * needs another: everything posted in the incident's channel (and anything linking to it) waits
 * for the channel. So an effect waiting out a backoff, or given up on, never holds back unrelated
 * later ones; within what is ready, the oldest goes first, which keeps messages in order.
 */
export function nextEffect(pending: readonly PendingEffect[], hasChannel: boolean): NextStep {
  const channelPending = pending.some((p) => p.effect.kind === 'channel.create');
  for (const item of pending) {
    if (!item.due) continue;
    if (needsChannel(item.effect) && !hasChannel) {
      if (channelPending) continue;
      return { kind: 'fail', item, reason: 'the incident channel could not be created' };
    }
    const alike = COALESCED_EFFECTS.has(item.effect.kind)
      ? pending.filter((other) => other.effect.kind === item.effect.kind).map((other) => other.id)
      : [item.id];
    return { kind: 'perform', item, alike };
  }
  return { kind: 'idle' };
}

/** Every effect but creating the channel happens in it, or links to it. */
const needsChannel = (effect: Effect): boolean => effect.kind !== 'channel.create';
