import { describeFailure } from './adapters/observability/describe-failure.js';
import { createLogger } from './adapters/observability/logger.js';
import { startBot } from './bot.js';
import { ConfigError, loadConfig } from './config/load-config.js';

/**
 * The process entry point: parse the environment, start the bot, stop it cleanly on SIGTERM/SIGINT.
 * A bad configuration prints one line per problem and exits non-zero before anything starts.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const bot = await startBot({ config, logger });

  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal }, 'stopping: finishing the work under way');
    bot.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  // A pg or ioredis error may carry the URL it was given, password and all.
  process.stderr.write(`incident-commander failed to start: ${describeFailure(error)}\n`);
  process.exit(1);
});
