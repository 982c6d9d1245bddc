/** The emoji the bot's messages use (and a few people type), as Slack draws them. Others stay as `:name:`. */
const EMOJI: Readonly<Record<string, string>> = {
  construction: '🚧',
  large_blue_circle: '🔵',
  leftwards_arrow_with_hook: '↩️',
  mag: '🔍',
  red_circle: '🔴',
  thought_balloon: '💭',
  warning: '⚠️',
  white_check_mark: '✅',
  x: '❌',
  mega: '📣',
  memo: '📝',
  repeat: '🔁',
  rotating_light: '🚨',
  pushpin: '📌',
  round_pushpin: '📍',
  eyes: '👀',
  tada: '🎉',
  '+1': '👍',
  thumbsup: '👍',
  fire: '🔥',
};

export const emoji = (name: string): string => EMOJI[name] ?? `:${name}:`;

/** `:warning: Hold on` → `⚠️ Hold on` (plain_text with `emoji: true`). */
export const withEmoji = (text: string): string =>
  text.replace(/:([a-z0-9_+-]+):/g, (match, name: string) => EMOJI[name] ?? match);
