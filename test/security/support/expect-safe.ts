import { expect } from 'vitest';
import type { SlackMessage } from '../../../src/adapters/slack/views/format.js';
import { MESSAGE_TEXT_MAX, messageRefusal, viewProblems } from '../../support/block-kit-limits.js';
import { mrkdwnOf, unintendedSyntax } from './slack-surface.js';

/** No word from people acts in Slack, and Slack would accept the message. */
export function expectSafeMessage(message: SlackMessage, what: string): void {
  for (const text of mrkdwnOf(message)) expect(unintendedSyntax(text), what).toEqual([]);
  expect(messageRefusal(message), what).toBeNull();
}

/** The same for a modal or the Home tab. */
export function expectSafeView(view: unknown, what: string): void {
  for (const text of mrkdwnOf(view)) expect(unintendedSyntax(text), what).toEqual([]);
  expect(viewProblems(view), what).toEqual([]);
}

/** A private reply (`respond`): only text, parsed as mrkdwn. */
export function expectSafeReply(text: string, what: string): void {
  expect(unintendedSyntax(text), what).toEqual([]);
  expect(text.length, what).toBeLessThanOrEqual(MESSAGE_TEXT_MAX);
}
