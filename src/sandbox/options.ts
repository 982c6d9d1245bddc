import { parseArgs } from 'node:util';
import { z } from 'zod';

/** How the sandbox was asked to run (`npm run sandbox -- --speed 120 --port 3100`). */
export interface SandboxOptions {
  /** Configured durations are divided by this: at 60, the 10-minute hold lasts 10 s. */
  readonly speed: number;
  /** The page's port; 0 picks a free one. */
  readonly port: number;
  /**
   * The interface the page listens on: 127.0.0.1, unless a container needs `0.0.0.0` inside it
   * (docker compose then publishes it on the host's loopback only). Requests must still name
   * 127.0.0.1 or localhost as their Host.
   */
  readonly host: '127.0.0.1' | '0.0.0.0';
  /** Where the sandbox's services may keep their data. */
  readonly dataDir: string;
  /** Start the clock at this instant (then it runs at real pace), e.g. a Tuesday morning. */
  readonly startAt: string | null;
}

export const USAGE = `npm run sandbox -- [--speed N] [--port N] [--data-dir DIR] [--start-at ISO-INSTANT]
  --speed N        divide DIAGNOSIS_HOLD, ESCALATE_AFTER, UPDATE_CADENCE, POSTMORTEM_DUE and COMMANDER_NUDGE_AFTER by N (default 60)
  --port N         the page's port on 127.0.0.1 (default SANDBOX_PORT or 3100; 0 = any free port)
  --data-dir DIR   where the sandbox keeps its data (default .sandbox)
  --start-at T     start the clock at T, e.g. 2026-06-16T10:00:00+02:00 (default: now)`;

const schema = z.object({
  speed: z.coerce.number().positive().max(100_000).default(60),
  port: z.coerce.number().int().min(0).max(65_535).default(3100),
  'data-dir': z.string().min(1).default('.sandbox'),
  'start-at': z
    .string()
    .refine((text) => !Number.isNaN(Date.parse(text)), 'expected an instant like 2026-06-16T10:00:00Z')
    .optional(),
});

/** Parses the command line; throws an Error whose message says what is wrong and how to call it. */
const envSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  SANDBOX_HOST: z.enum(['127.0.0.1', '0.0.0.0']).default('127.0.0.1'),
});

export function parseSandboxOptions(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): SandboxOptions {
  const fromEnv = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v)));
  if (!fromEnv.success)
    throw new Error(fromEnv.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  const { values } = parseArgs({
    args: [...argv],
    options: {
      speed: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'start-at': { type: 'string' },
    },
    strict: true,
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${problems.join('\n')}\n${USAGE}`);
  }
  return {
    speed: parsed.data.speed,
    port: values.port === undefined ? (fromEnv.data.SANDBOX_PORT ?? parsed.data.port) : parsed.data.port,
    host: fromEnv.data.SANDBOX_HOST,
    dataDir: parsed.data['data-dir'],
    startAt: parsed.data['start-at'] ?? null,
  };
}
