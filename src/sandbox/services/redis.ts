import { redactUrl } from '../../config/redact-secrets.js';
import { findOnPath } from './find-on-path.js';
import { redisAnswersPing } from './probes.js';
import { leaveRunning, type ProvidedService } from './provided-service.js';
import { startRedisServer } from './redis-server.js';
import { formatHostPort, type SandboxEnv } from './sandbox-env.js';
import { SandboxServiceError } from './sandbox-service-error.js';

/**
 * Redis for the sandbox, first of: `REDIS_URL`; a Redis answering PING on the probe address; a
 * `redis-server` from `PATH`, started on a free port and stopped by `stop()`. Unlike PostgreSQL,
 * Redis has no package that ships its binary, so when none of these exists the error says how to
 * install one. Logs the choice in one line.
 */
export async function provideRedis(env: SandboxEnv, log: (line: string) => void): Promise<ProvidedService> {
  if (env.REDIS_URL) {
    log(`Redis: REDIS_URL (${redactUrl(env.REDIS_URL)})`);
    return { url: env.REDIS_URL, stop: leaveRunning };
  }
  const probe = formatHostPort(env.SANDBOX_REDIS_PROBE);
  if (await redisAnswersPing(env.SANDBOX_REDIS_PROBE)) {
    log(`Redis: the server on ${probe}`);
    return { url: `redis://${probe}`, stop: leaveRunning };
  }
  const binary = findOnPath('redis-server', env.PATH);
  if (binary === null) throw new SandboxServiceError(noRedisMessage(probe));
  const server = await startRedisServer(binary);
  log(
    `Redis: started ${binary} on port ${server.port}, saving nothing (nothing answers PING on ${probe} and REDIS_URL is unset)`,
  );
  return { url: server.url, stop: () => server.stop() };
}

function noRedisMessage(probe: string): string {
  return [
    `The sandbox needs Redis: REDIS_URL is unset, nothing answers PING on ${probe}, and there is no redis-server on PATH.`,
    'Install Redis and run the sandbox again (it starts redis-server itself), or point REDIS_URL at one:',
    '  Debian/Ubuntu: sudo apt-get install redis-server',
    '  macOS:         brew install redis',
    '  Docker:        docker run -p 6379:6379 redis:7',
  ].join('\n');
}
