// Block Kit's limits live with the Slack stand-in that enforces them (src/sandbox/slack-stand-in/).
export * from '../../src/sandbox/slack-stand-in/block-kit-limits.js';
