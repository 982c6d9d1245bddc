import { randomUUID } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { createRedisConnection } from './adapters/bullmq/redis-connection.js';
import { TimerQueue } from './adapters/bullmq/timer-queue.js';
import { createTimerScheduler } from './adapters/bullmq/timer-scheduler.js';
import { createHealthRoutesFor } from './adapters/observability/bot-health.js';
import { createMetrics } from './adapters/observability/metrics.js';
import { createDatabase } from './adapters/postgres/database.js';
import { createDeliveries } from './adapters/postgres/deliveries.js';
import { createIncidentStore } from './adapters/postgres/incident-store.js';
import { migrateToLatest } from './adapters/postgres/migrate.js';
import { createOutbox } from './adapters/postgres/outbox.js';
import { markSlackEventProcessed } from './adapters/postgres/processed-slack-events.js';
import { pruneOlderThan } from './adapters/postgres/retention.js';
import { boltLogger } from './adapters/slack/bolt-logger.js';
import { createSlackEffectPerformer } from './adapters/slack/effects/slack-effect-performer.js';
import { createSlackApp } from './adapters/slack/slack-app.js';
import { createUserTimeZones } from './adapters/slack/user-time-zones.js';
import { publishWeeklyReview } from './adapters/slack/weekly-review-publisher.js';
import { fireTimer, LATE_AFTER_MS } from './app/fire-timer.js';
import { type CommandDeps, handleCommand } from './app/handle-command.js';
import { openIncident } from './app/open-incident.js';
import { OutboxRunner } from './app/outbox-runner.js';
import { type Clock, systemClock } from './app/ports/clock.js';
import { startRetentionLoop } from './app/retention-loop.js';
import { timerPolicyFrom } from './app/timer-policy.js';
import { TimerSync } from './app/timer-sync.js';
import { runWeeklyReview } from './app/weekly-review.js';
import type { Config } from './config/config.js';

export interface BotOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Skip Bolt's start-up `auth.test` by naming the bot user up front (tests, sandbox). */
  readonly botUserId?: string;
}

export interface RunningBot {
  /** The HTTP port actually bound (useful when PORT=0). */
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Wires configuration, adapters and use cases, and starts serving. The one place that knows every
 * part of the bot; everything else receives what it needs.
 */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const db = createDatabase({
    connectionString: config.databaseUrl,
    onConnectionError: (error) => logger.warn({ err: error }, 'lost a PostgreSQL connection'),
  });
  if (config.migrateOnStart) {
    const { error, results } = await migrateToLatest(db);
    for (const result of results ?? [])
      logger.info({ migration: result.migrationName, status: result.status }, 'migration');
    if (error) {
      await db.destroy();
      throw error;
    }
  }

  const store = createIncidentStore(db);
  const metrics = createMetrics();
  const redis = createRedisConnection(config.redisUrl, 'incident-commander');
  const workerRedis = createRedisConnection(config.redisUrl, 'incident-commander-worker');
  const slackClient = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    // The outbox retries with backoff; the client must not retry (a blind retry can post twice).
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: boltLogger(logger),
  });
  const botUserId = options.botUserId ?? (await slackClient.auth.test()).user_id ?? '';

  const policy = timerPolicyFrom(config.timing);
  const deliveries = createDeliveries(db);
  const outboxRunner = new OutboxRunner({
    outbox: createOutbox(db),
    store,
    performer: createSlackEffectPerformer({
      client: slackClient,
      store,
      botUserId,
      header: { policy, command: config.slack.command },
      announceChannel: config.channels.announce,
      deliveries,
      escalation: config.escalation,
      stakeholderChannel: config.channels.stakeholder,
      postmortemChannel: config.channels.postmortem,
      postmortemDue: config.timing.postmortemDue,
    }),
    clock,
    logger,
    sweepEvery: config.timing.outboxSweepEvery,
  });

  // The worker's onFire needs the command path, which needs the sync, which needs the queue.
  let commandDeps: CommandDeps | null = null;
  const timers = new TimerQueue({
    connection: redis,
    workerConnection: workerRedis,
    prefix: config.queuePrefix,
    logger,
    onFire: async (job) => {
      if (!commandDeps) throw new Error('timer fired before the bot was wired');
      const outcome = await fireTimer(
        {
          ...commandDeps,
          clock,
          policy,
          logger,
          onLateness: (kind, ms) => {
            metrics.timerLateness.observe({ kind }, ms / 1000);
            if (ms > LATE_AFTER_MS) metrics.lateTimers.inc({ kind });
          },
        },
        job,
      );
      if (!outcome.ok) logger.warn({ job, rejection: outcome.rejection }, 'timer firing was refused');
    },
    onWeeklyReview: async () => {
      const result = await runWeeklyReview({
        store,
        deliveries,
        clock,
        timezone: config.timezone,
        publish: (review) => publishWeeklyReview(slackClient, config.channels.postmortem, review),
      });
      logger.info({ result }, 'weekly follow-up review');
    },
  });
  const zoneOf = createUserTimeZones({ client: slackClient, fallback: config.timezone, logger });
  const timerSync = new TimerSync({
    store,
    scheduler: createTimerScheduler(timers.queue, redis, config.queuePrefix),
    policy,
    zoneOf,
    logger,
  });
  commandDeps = {
    store,
    afterCommit: (incidentId: string) => {
      void outboxRunner.kick(incidentId);
      void timerSync.sync(incidentId);
    },
  };
  const deps = commandDeps;

  const slack = createSlackApp({
    config,
    logger,
    botUserId,
    routes: createHealthRoutesFor({ db, redis, registry: metrics.registry, logger }),
    deps: {
      config,
      logger,
      clock,
      store,
      openIncident: (request) => openIncident({ ...deps, newId: randomUUID }, request),
      handleCommand: (incidentId, command) => handleCommand(deps, incidentId, command),
      newId: randomUUID,
      markEventProcessed: (teamId, eventId) => markSlackEventProcessed(db, teamId, eventId),
      zoneOf,
    },
  });

  await timers.scheduleWeeklyReview(config.weeklyReview, config.timezone);
  timers.start();
  outboxRunner.start();
  const port = await slack.start();
  void outboxRunner.sweep();
  const stopReconciling = timerSync.startReconciling(config.timing.timerReconcileEvery);
  const prune = (cutoff: Date) => pruneOlderThan(db, cutoff);
  const stopPruning = startRetentionLoop({ prune, clock, logger, retention: config.retention });

  let stopping: Promise<void> | null = null;
  return {
    port,
    stop: () => {
      stopping ??= (async () => {
        await slack.stop();
        await timers.close();
        await stopReconciling();
        await outboxRunner.stop();
        await stopPruning();
        await Promise.all([redis.quit(), workerRedis.quit()]);
        await db.destroy();
      })();
      return stopping;
    },
  };
}
