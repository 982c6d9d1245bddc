import { describe, expect, it } from 'vitest';
import {
  BOT_NAME,
  channelMention,
  clip,
  clipMrkdwn,
  inline,
  paragraph,
  slackDate,
  userMention,
} from '../../../src/adapters/slack/views/format.js';

describe('mentions the bot writes', () => {
  it('mention users and channels only for ids of Slack’s shape', () => {
    expect(userMention('U0DANA')).toBe('<@U0DANA>');
    expect(userMention('W123ABC')).toBe('<@W123ABC>');
    expect(channelMention('C0INC')).toBe('<#C0INC>');
    expect(channelMention('G0PRIVATE', 'INC-42')).toBe('<#G0PRIVATE|INC-42>');
  });

  it('show anything else as escaped text, so a forged id cannot become a mention or a link', () => {
    expect(userMention('!channel')).toBe('!channel');
    expect(userMention('U1><!channel')).toBe('U1&gt;&lt;!channel');
    expect(userMention('u0dana')).toBe('u0dana');
    expect(channelMention('C1>|<!here')).toBe('#C1&gt;|&lt;!here');
    expect(channelMention('nope', 'INC-7')).toBe('INC-7');
    expect(userMention('U'.repeat(100_000)).length).toBeLessThanOrEqual(1000);
  });

  it('name the bot where the system acted', () => {
    expect(userMention('system')).toBe(BOT_NAME);
  });

  it('give an unreadable instant as words rather than throwing', () => {
    expect(slackDate('2026-11-20T14:00:00.000Z')).toBe('<!date^1795183200^{time}|14:00 UTC>');
    expect(slackDate('not a time')).toBe('at an unknown time');
  });
});

describe('user text in mrkdwn', () => {
  it('escapes Slack’s control characters and keeps a line on one line', () => {
    expect(inline('a <!channel> & <@U1|x>\nsecond line', 3000)).toBe(
      'a &lt;!channel&gt; &amp; &lt;@U1|x&gt; second line',
    );
    expect(paragraph('first\n<!here>', 3000)).toBe('first\n&lt;!here&gt;');
  });

  it('is cut without splitting an escape, a mention or an emoji', () => {
    expect(inline('ab&', 5)).toBe('ab…');
    expect(clipMrkdwn('see <@U0DANA> now', 8)).toBe('see …');
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clipMrkdwn('x'.repeat(10), 10)).toBe('x'.repeat(10));
    expect(clipMrkdwn('x'.repeat(11), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
