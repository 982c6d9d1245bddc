// Slack's payload shapes are built in src/sandbox/, whose page sends them too; tests import them from here.
export * from '../../src/sandbox/slack-payloads.js';
