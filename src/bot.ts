import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { WebClientOptions } from '@slack/web-api';
import type { Logger } from 'pino';
import { createRedisConnection } from './adapters/bullmq/redis-connection.js';
import { createTimerQueue, scheduleWeeklyReview } from './adapters/bullmq/timer-queue.js';
import { createTimerScheduler } from './adapters/bullmq/timer-scheduler.js';
import { closeTimerWorker, createTimerWorker } from './adapters/bullmq/timer-worker.js';
import { createHealthRoutesFor } from './adapters/observability/bot-health.js';
import { createMetrics, reasonLabel } from './adapters/observability/metrics.js';
import { createDatabase } from './adapters/postgres/database.js';
import { createDeliveries } from './adapters/postgres/deliveries.js';
import { createIncidentStore } from './adapters/postgres/incident-store.js';
import { migrateToLatest } from './adapters/postgres/migrate.js';
import { createOutbox } from './adapters/postgres/outbox.js';
import { pruneOlderThan } from './adapters/postgres/retention.js';
import { createRunbooks } from './adapters/postgres/runbooks.js';
import { boltLogger } from './adapters/slack/bolt-logger.js';
import { createChannelMembership } from './adapters/slack/channel-membership.js';
import { createSlackEffectPerformer } from './adapters/slack/effects/slack-effect-performer.js';
import { createSlackApp } from './adapters/slack/slack-app.js';
import { createUserNames } from './adapters/slack/user-names.js';
import { createUserTimeZones } from './adapters/slack/user-time-zones.js';
import { createWeeklyReviewPublisher } from './adapters/slack/weekly-review-publisher.js';
import { createWorkspaces, perWorkspace } from './adapters/slack/workspaces.js';
import { createCommandCore } from './app/commands/command-core.js';
import { fireTimer, LATE_AFTER_MS } from './app/fire-timer.js';
import { incidentContext } from './app/incident-context.js';
import { OutboxRunner } from './app/outbox/outbox-runner.js';
import { type Clock, systemClock } from './app/ports/clock.js';
import { postmortemContext } from './app/postmortem-context.js';
import { startRetentionLoop } from './app/retention-loop.js';
import { TimerSync } from './app/timer-sync.js';
import { runWeeklyReview } from './app/weekly-review.js';
import type { Config } from './config/config.js';
import { timerPolicyFrom } from './config/policy-from-config.js';

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
 * Pool sizing. Every transaction is short (no Slack call inside one) and nothing holds a
 * connection while waiting for another, so the pool cannot deadlock; these keep the background
 * work (outbox drains, timer firings) from ever taking every connection away from commands.
 */
const SIZES = { pool: 10, outboxDrains: 4, timerWorkers: 3 } as const;

/**
 * Slack calls give up after `slackCall` (the outbox retries with backoff); listeners wait
 * `answerWithin` for their change before acking "still working" (Slack allows 3 s); on SIGTERM
 * each stage of the stop waits at most `stopStage`, so the whole stop ends within 10 s.
 */
const TIMEOUTS_MS = { slackCall: 10_000, answerWithin: 2_000, stopStage: 2_500 } as const;

/**
 * Wires configuration, adapters and use cases, and starts serving. The one place that knows every
 * part of the bot; everything else receives what it needs. Built in dependency order: storage,
 * the timers queue, Slack's client, the outbox, the command core, then what calls it (the timer
 * worker and the Slack app).
 */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const policy = timerPolicyFrom(config.timing);
  const db = createDatabase({
    connectionString: config.databaseUrl,
    maxConnections: SIZES.pool,
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
  const outbox = createOutbox(db);
  const deliveries = createDeliveries(db);
  const runbooks = createRunbooks(db);
  const metrics = createMetrics();

  const redis = createRedisConnection(config.redisUrl, 'incident-commander', 'fail-fast');
  const workerRedis = createRedisConnection(config.redisUrl, 'incident-commander-worker', 'blocking');
  const queue = createTimerQueue(redis, config.queuePrefix, logger);
  // A fail-fast connection refuses commands until connected: give it a moment at start. If Redis
  // is down, start anyway: commands still commit, and the reconcile schedules timers once it is back.
  await bounded(new Promise((resolve) => redis.once('ready', resolve)), 3_000);

  const clientOptions: WebClientOptions = {
    slackApiUrl: config.slack.apiUrl,
    timeout: TIMEOUTS_MS.slackCall,
    // Bolt's own calls (the OAuth exchange, Socket Mode's connection) get one quick retry.
    retryConfig: { retries: 1, factor: 1, minTimeout: 200 },
    logger: boltLogger(logger),
  };
  // Every Web API call of ours goes through a client of `slack`: the workspace's own token,
  // and no retries for effects (the outbox retries with backoff; a blind retry can post twice).
  const workspaces = createWorkspaces({
    config,
    db,
    outbox,
    logger,
    clientOptions,
    ...(options.botUserId ? { botUserId: options.botUserId } : {}),
  });
  const slackClients = workspaces.clients;
  // One workspace: who the bot is there, asked at start (a bad token stops the start). Several:
  // each workspace's bot user comes with its installation.
  const botUserId =
    config.slack.botToken !== null ? (options.botUserId ?? (await slackClients.botUserIdFor(''))) : undefined;
  const zoneOf = createUserTimeZones({
    clientFor: (teamId) => slackClients.clientFor(teamId, 'effects'),
    fallback: config.timezone,
    logger,
    clock,
  });

  const timerSync = new TimerSync({
    store,
    scheduler: createTimerScheduler(queue, redis, config.queuePrefix, clock),
    policy,
    zoneOf,
    logger,
    concurrency: 8,
    onReconcile: () => scheduleWeeklyReview(queue, config.weeklyReview, config.timezone),
  });
  const outboxRunner = new OutboxRunner({
    outbox,
    store,
    logger,
    holder: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    concurrency: SIZES.outboxDrains,
    sweepEvery: config.timing.outboxSweepEvery,
    onGivenUp: (kind, reason) => metrics.effectsGivenUp.inc({ kind, reason: reasonLabel(reason) }),
    performer: createSlackEffectPerformer({
      clients: slackClients,
      store,
      header: { policy, command: config.slack.command },
      failures: (incidentId) => outbox.failures(incidentId, 5),
      announceChannel: config.channels.announce,
      deliveries,
      escalation: config.escalation,
      stakeholderChannel: config.channels.stakeholder,
      postmortemChannel: config.channels.postmortem,
      postmortemDue: config.timing.postmortemDue,
      responseTimeoutMs: TIMEOUTS_MS.slackCall,
      namesFor: perWorkspace((teamId) =>
        createUserNames({
          client: () => slackClients.clientFor(teamId, 'effects'),
          now: () => clock.now().getTime(),
          onError: (error, userId) =>
            logger.warn({ err: error, userId }, 'could not read a display name from Slack; showing the id'),
        }),
      ),
      context: (incident) => incidentContext({ store, runbooks }, incident),
      draftContext: (incident, state) =>
        postmortemContext({ runbooks, zoneOf, postmortemDue: config.timing.postmortemDue }, incident, state),
    }),
  });

  /** A timer of a workspace the app was removed from does nothing (its effects could not reach Slack). */
  const servesIncident = async (incidentId: string): Promise<boolean> => {
    const incident = await store.findById(incidentId);
    return incident === null || (await slackClients.serves(incident.teamId));
  };

  const commands = createCommandCore({
    store,
    newId: randomUUID,
    membership: createChannelMembership((teamId) => slackClients.clientFor(teamId, 'effects')),
    metrics: metrics.commandMetrics,
    afterCommit: (incidentId) => {
      void outboxRunner.kick(incidentId);
      void timerSync.sync(incidentId);
    },
  });

  const reviewPublisher = createWeeklyReviewPublisher(slackClients, config.channels.postmortem);
  const worker = createTimerWorker({
    connection: workerRedis,
    prefix: config.queuePrefix,
    logger,
    concurrency: SIZES.timerWorkers,
    onFire: async (job) => {
      if (!(await servesIncident(job.incidentId))) {
        logger.info({ job }, 'timer of a workspace the app was removed from: doing nothing');
        return;
      }
      const outcome = await fireTimer(
        {
          commands,
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
        publisher: reviewPublisher,
      });
      logger.info({ result }, 'weekly follow-up review');
    },
  });

  const slack = createSlackApp({
    config,
    logger,
    ...(botUserId !== undefined ? { botUserId } : {}),
    ...(workspaces.installationStore ? { installationStore: workspaces.installationStore } : {}),
    onRequestFrom: (teamId, enterpriseId) => slackClients.noteEnterprise(teamId, enterpriseId),
    clientOptions,
    routes: createHealthRoutesFor({ db, redis, registry: metrics.registry, logger }),
    deps: {
      config,
      policy,
      logger,
      clock,
      store,
      commands,
      failures: outbox.failures,
      newId: randomUUID,
      zoneOf,
      runbooks,
      answerWithinMs: TIMEOUTS_MS.answerWithin,
      clientFor: (teamId) => slackClients.clientFor(teamId, 'listener'),
      onUninstalled: (gone) => workspaces.uninstalled(gone),
    },
  });

  await scheduleWeeklyReview(queue, config.weeklyReview, config.timezone).catch((error: unknown) =>
    logger.warn({ err: error }, 'could not schedule the weekly review yet; the reconcile will'),
  );
  void worker.run();
  outboxRunner.start();
  const port = await slack.start();
  void outboxRunner
    .sweep()
    .catch((error: unknown) => logger.warn({ err: error }, 'first outbox sweep failed'));
  const stopReconciling = timerSync.startReconciling(config.timing.timerReconcileEvery);
  const prune = (cutoff: Date) => pruneOlderThan(db, cutoff);
  const stopPruning = startRetentionLoop({ prune, clock, logger, retention: config.retention });

  let stopping: Promise<void> | null = null;
  return {
    port,
    stop: () => {
      // Each stage is bounded, so a hung Slack call or a dead Redis cannot hold SIGTERM past its grace.
      stopping ??= (async () => {
        await slack.stop(TIMEOUTS_MS.stopStage);
        await closeTimerWorker(worker, TIMEOUTS_MS.stopStage);
        await bounded(stopReconciling(), TIMEOUTS_MS.stopStage);
        await outboxRunner.stop(TIMEOUTS_MS.stopStage);
        await bounded(stopPruning(), 1_000);
        await bounded(queue.close(), 1_000);
        redis.disconnect();
        workerRedis.disconnect();
        await bounded(db.destroy(), 1_000);
      })();
      return stopping;
    },
  };
}

async function bounded(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
