import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

/**
 * The ack-latency floor, run as a process of its own like the bot: a Bolt app on the receiver the
 * bot uses (HTTPReceiver, answering when the listener is done) whose one listener only acks.
 * PORT and SLACK_SIGNING_SECRET as for the bot; GET /healthz answers once it listens.
 */
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
  processBeforeResponse: true,
  customRoutes: [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => void res.writeHead(200).end('ok') },
  ],
  logLevel: LogLevel.ERROR,
});
const app = new App({
  token: 'xoxb-bare',
  receiver,
  botUserId: 'UBARE',
  botId: 'BBARE',
  tokenVerificationEnabled: false,
  logLevel: LogLevel.ERROR,
});
app.command(/.*/, async ({ ack }) => ack());
app.action(/.*/, async ({ ack }) => ack());
await app.start(Number(process.env.PORT));
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
