// The Slack stand-in lives with the sandbox (src/sandbox/slack-stand-in/), which runs it for people;
// tests import it from here, as before.
export * from '../../../src/sandbox/slack-stand-in/index.js';
