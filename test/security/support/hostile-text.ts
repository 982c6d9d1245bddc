import fc from 'fast-check';

/**
 * What people (or a forged payload) can put where the bot expects words: Slack's control
 * sequences, Markdown structure, entities, line breaks, emoji, NUL, very long runs.
 */
export const INJECTIONS = [
  '<!channel>',
  '<!here>',
  '<!here|here>',
  '<!everyone>',
  '<!subteam^S123>',
  '<!subteam^S123|@oncall>',
  '<@U123ABC>',
  '<@W0EVIL|evil>',
  '<#C123>',
  '<#C0EVIL|general>',
  '<https://evil.example|click>',
  '<http://evil.example>',
  '<mailto:a@evil.example|mail>',
  '<!date^1^{time}|x>',
  '&',
  '&amp;',
  '&lt;!channel&gt;',
  '<',
  '>',
  '\n',
  '\r\n',
  '\n\n',
  '\u2028',
  '#',
  '# Heading',
  '\n## Follow-ups\n',
  '|',
  '| a | b |',
  '\n|---|---|\n',
  '[click](https://evil.example)',
  '![x](https://evil.example/x.png)',
  '[ref]: https://evil.example',
  '```',
  '~~~',
  '> quote',
  '- item',
  '* item',
  '+ item',
  '1. item',
  '2) item',
  '---',
  '===',
  '    indented',
  '\t',
  '<script>alert(1)</script>',
  '<!-- comment -->',
  '\\',
  '\\[',
  '\\|',
  '*bold*',
  '_',
  '`',
  ':-',
  '😀',
  '👩‍👩‍👧',
  'é',
  '中文',
  '\u0000',
  ' ',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** What opens a block in Markdown when it starts a line: often put first, where it matters most. */
const LINE_STARTS = [
  '# ',
  '## ',
  '> ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '3) ',
  '---',
  '===',
  '```',
  '~~~',
  '| ',
  ':-',
  '    ',
  '\t',
];

/** Short words made of injections and noise. */
export const hostileWords: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(fc.constantFrom(...LINE_STARTS), { nil: '' }),
    fc.array(piece, { minLength: 1, maxLength: 8 }),
  )
  .map(([start, parts]) => start + parts.join(''));

/** Up to 100 kB: a hostile phrase repeated, so limits and cuts meet injections at every offset. */
export const hostileLong: fc.Arbitrary<string> = fc
  .tuple(hostileWords, fc.integer({ min: 3001, max: 100_000 }))
  .map(([phrase, length]) => {
    const words = phrase || '<!channel>';
    return words.repeat(Math.ceil(length / words.length)).slice(0, length);
  });

/** What any user-text field gets: mostly short, sometimes very long. */
export const userText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: hostileWords },
  { weight: 1, arbitrary: hostileLong },
);

/** People the bot really knows (valid Slack ids): the only mentions it may write. */
export const PEOPLE = ['U0DANA', 'U0ALEX', 'W0SAM'] as const;
/** Ids from forged payloads: never to become mentions. U123ABC is also what the injections mention. */
export const FORGED_IDS = ['<!channel>', 'U1', 'u0dana', 'U0X><!here', 'C0INC', ''] as const;
export const person: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PEOPLE) },
  { weight: 1, arbitrary: fc.constantFrom(...FORGED_IDS, 'system') },
);

/** Channels the bot created (valid ids), and forged ones. */
export const CHANNELS = ['C0INC', 'G0PRIVATE'] as const;
export const channel: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CHANNELS) },
  { weight: 1, arbitrary: fc.constantFrom(null, 'C0X><!channel', 'c0inc', '<#C0EVIL>') },
);
