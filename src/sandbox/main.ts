import { describeFailure } from '../adapters/observability/describe-failure.js';
import { ConfigError } from '../config/load-config.js';
import { parseSandboxOptions } from './options.js';
import { startSandbox } from './start-sandbox.js';

/**
 * `npm run sandbox`: the bot and a local Slack stand-in with a page, for trying the bot without a
 * Slack workspace. A local development tool: it serves on 127.0.0.1 only. Stops cleanly on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`sandbox: ${line}\n`);
  let options: ReturnType<typeof parseSandboxOptions>;
  try {
    options = parseSandboxOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const sandbox = await startSandbox(options, process.env, say);
  say('a local development tool: the bot runs against a stand-in of Slack on this machine.');
  say(`time runs ${options.speed}x faster for the bot's timers (--speed).`);
  say(`open ${sandbox.url}`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    sandbox.stop().then(
      () => {
        say('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`sandbox did not stop cleanly: ${describeFailure(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const text = error instanceof ConfigError ? error.message : describeFailure(error);
  process.stderr.write(`the sandbox failed to start: ${text}\n`);
  process.exit(1);
});
