import { z } from 'zod';
import { ConfigError } from '../../config/load-config.js';
import { quoted, urlValue } from '../../config/url-value.js';

/** A TCP address a probe knocks on. */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

// `host:port`, or `[::1]:port` for an IPv6 host.
const hostPort = z.string().transform((text, ctx): HostPort => {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[3]);
  if (!match || port < 1 || port > 65535) {
    ctx.addIssue({ code: 'custom', message: `expected host:port like 127.0.0.1:5432, got ${quoted(text)}` });
    return z.NEVER;
  }
  return { host: match[1] ?? match[2] ?? '', port };
});

/**
 * The environment values the sandbox's services read. The probes default to where PostgreSQL and
 * Redis usually live; tests point them at a closed port to reach the fallbacks. `PATH` is read here,
 * not from `process.env`, so a test can hide `redis-server`.
 */
const sandboxEnvSchema = z.object({
  DATABASE_URL: urlValue(['postgres:', 'postgresql:'], 'postgres://user@host:5432/db').optional(),
  REDIS_URL: urlValue(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').optional(),
  SANDBOX_POSTGRES_PROBE: hostPort.default({ host: '127.0.0.1', port: 5432 }),
  SANDBOX_REDIS_PROBE: hostPort.default({ host: '127.0.0.1', port: 6379 }),
  PATH: z.string().optional(),
});

export type SandboxEnv = z.infer<typeof sandboxEnvSchema>;

/** Parses the values the services need; unset and empty both mean "not given", as for the bot. */
export function parseSandboxEnv(environment: NodeJS.ProcessEnv): SandboxEnv {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = sandboxEnvSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
}

/** `host:port` as a person writes it, with brackets around an IPv6 host. */
export function formatHostPort({ host, port }: HostPort): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
