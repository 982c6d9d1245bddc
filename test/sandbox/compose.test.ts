import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

// Docker cannot run on these machines: this reads docker-compose.yml and checks that the sandbox
// service fits the services it uses, the Dockerfile it builds and the script it runs.
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

const environment = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String));
const service = z.object({
  profiles: z.array(z.string()).optional(),
  build: z.object({ context: z.string(), dockerfile: z.string(), target: z.string().optional() }).optional(),
  command: z.union([z.string(), z.array(z.string())]).optional(),
  environment: environment.default({}),
  env_file: z
    .union([
      z.string(),
      z.array(z.union([z.string(), z.object({ path: z.string(), required: z.boolean() })])),
    ])
    .optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  ports: z
    .array(
      z.union([z.string(), z.object({ target: z.number(), published: z.unknown(), host_ip: z.string() })]),
    )
    .optional(),
  healthcheck: z.object({ test: z.unknown() }).optional(),
});
const compose = z
  .object({ services: z.record(z.string(), service) })
  .parse(parse(read('docker-compose.yml')));
const { services } = compose;
const sandbox = services.sandbox;
const postgres = services.postgres;
const redis = services.redis;
const bot = services.bot;
if (!sandbox || !postgres || !redis || !bot) {
  throw new Error('docker-compose.yml lacks one of the services sandbox, postgres, redis, bot');
}
const packageJson = z
  .object({ scripts: z.record(z.string(), z.string()) })
  .parse(JSON.parse(read('package.json')));

/** `[host_ip:][published:]target[/protocol]` or the long form, as host address and container port. */
function published(port: NonNullable<z.infer<typeof service>['ports']>[number]) {
  if (typeof port !== 'string') return { hostIp: port.host_ip, target: port.target };
  const parts = port.split('/')[0]?.split(':') ?? [];
  return { hostIp: parts.length === 3 ? parts[0] : undefined, target: Number(parts.at(-1)) };
}

describe('the sandbox service in docker-compose.yml', () => {
  it('runs only with the sandbox profile', () => {
    expect(sandbox.profiles).toEqual(['sandbox']);
  });

  it('waits for the postgres and redis services to be healthy', () => {
    expect(sandbox.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(postgres.healthcheck).toBeDefined();
    expect(redis.healthcheck).toBeDefined();
  });

  it("reaches PostgreSQL by the postgres service's host, port and password, in a database of its own", () => {
    const url = new URL(sandbox.environment.DATABASE_URL ?? '');
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe('postgres');
    // The postgres image listens on 5432 and makes the user postgres with POSTGRES_PASSWORD.
    expect(url.port).toBe('5432');
    expect(url.username).toBe(postgres.environment.POSTGRES_USER ?? 'postgres');
    expect(url.password).toBe(postgres.environment.POSTGRES_PASSWORD);
    const botDatabase = new URL(bot.environment.DATABASE_URL ?? '').pathname;
    expect(url.pathname).not.toBe(botDatabase);
  });

  it("reaches Redis by the redis service's host and port, in a Redis database apart from the bot's", () => {
    const url = new URL(sandbox.environment.REDIS_URL ?? '');
    expect(url.protocol).toBe('redis:');
    expect(url.hostname).toBe('redis');
    // The redis service keeps the image's port unless its command names another.
    const command = Array.isArray(redis.command) ? redis.command : [];
    const portFlag = command.indexOf('--port');
    expect(url.port).toBe(portFlag === -1 ? '6379' : command[portFlag + 1]);
    const botRedis = new URL(bot.environment.REDIS_URL ?? '');
    expect(url.pathname.replace('/', '') || '0').not.toBe(botRedis.pathname.replace('/', '') || '0');
  });

  it('publishes its page on 127.0.0.1 only, on the port the page listens on', () => {
    const ports = (sandbox.ports ?? []).map(published);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(port.hostIp).toBe('127.0.0.1');
    expect(ports.map((port) => port.target)).toContain(Number(sandbox.environment.SANDBOX_PORT));
    // Inside the container loopback is the container's own: the page must listen on all interfaces.
    expect(sandbox.environment.SANDBOX_HOST).toBe('0.0.0.0');
  });

  it("runs package.json's sandbox script", () => {
    expect(sandbox.command).toEqual(['npm', 'run', 'sandbox']);
    expect(
      packageJson.scripts.sandbox,
      'package.json has a "sandbox" script (it comes with the sandbox itself)',
    ).toBeDefined();
  });

  it('builds a sandbox stage of the Dockerfile, which the bot does not get by default', () => {
    expect(sandbox.build?.target).toBe('sandbox');
    const stages = [...read(sandbox.build?.dockerfile ?? '').matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map(
      (match) => match[1],
    );
    expect(stages).toContain('sandbox');
    // A build without a target (the bot service's) makes the last stage.
    expect(bot.build?.target).toBeUndefined();
    expect(stages.at(-1)).toBe('runtime');
  });

  it('starts on a fresh clone: no service requires a .env file', () => {
    // Compose refuses to load the whole file when a required env_file is missing, whichever service
    // is started, and a fresh clone has no .env.
    const requiring = Object.entries(services).flatMap(([name, each]) => {
      const files = typeof each.env_file === 'string' ? [each.env_file] : (each.env_file ?? []);
      return files.filter((file) => typeof file === 'string' || file.required).map(() => name);
    });
    expect(requiring).toEqual([]);
  });
});
