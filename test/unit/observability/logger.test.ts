import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/adapters/observability/logger.js';

/** A logger writing into an array of parsed lines. */
function capturedLogger(level = 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  // pino writes synchronously to a plain stream, so a line is there as soon as the call returns.
  return { logger: createLogger(level, destination), lines };
}

/** Every string inside a parsed line, so an escaped (`\"`) or nested copy of a secret is found too. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, nested]) => [key, ...stringsIn(nested)]);
}

function leaks(lines: readonly string[], secret: string): boolean {
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  return lines.some(
    (line) =>
      forms.some((form) => line.includes(form)) ||
      stringsIn(JSON.parse(line)).some((text) => forms.some((form) => text.includes(form))),
  );
}

/**
 * Random passwords between two markers found nowhere else, so "the line does not contain it" means
 * something even for a one-character password, and a half-hidden one still shows a marker.
 */
const password = fc
  .array(
    fc.oneof(
      fc.constantFrom('@', ':', '/', '?', '#', '%', '"', '\\', '{', '}'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((c) => !/\s/.test(c)),
    ),
    { maxLength: 20 },
  )
  .map((middle) => `Qz7${middle.join('')}7zQ`);

describe('the process logger never writes a secret', () => {
  it('hides a URL password in an error’s message, stack, cause and driver fields, however it is logged', () => {
    fc.assert(
      fc.property(password, password, (databasePassword, redisPassword) => {
        const databaseUrl = `postgres://app:${databasePassword}@db.internal:5432/ic`;
        const redisUrl = `redis://:${redisPassword}@cache.internal:6379`;
        const { logger, lines } = capturedLogger();
        const failure = Object.assign(
          new Error(`could not connect to ${databaseUrl}`, {
            cause: new Error(`and not to ${redisUrl} either`),
          }),
          { input: databaseUrl, options: { url: redisUrl } },
        );

        logger.error({ err: failure }, 'start failed');
        logger.error({ err: failure });
        logger.error(failure);
        logger.warn({ error: failure, check: 'postgres' }, 'readiness check failed');
        logger.info(`connecting to ${databaseUrl} and ${redisUrl}`);
        logger.child({ databaseUrl }).info({ nested: { deeper: [redisUrl] } }, 'with bindings');

        expect(lines).toHaveLength(6);
        expect(leaks(lines, databasePassword)).toBe(false);
        expect(leaks(lines, redisPassword)).toBe(false);
        expect(lines.some((line) => line.includes('Qz7') || line.includes('7zQ'))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps what an error says apart from its secrets', () => {
    const { logger, lines } = capturedLogger();
    logger.error(new Error('could not connect to postgres://app:hunter2@db:5432/ic'));
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line.msg).toBe('could not connect to postgres://app:***@db:5432/ic');
    expect(line.err.type).toBe('Error');
    expect(line.err.message).toBe('could not connect to postgres://app:***@db:5432/ic');
    expect(line.err.stack).toContain('could not connect to postgres://app:***@db:5432/ic\n    at ');
  });

  it('writes a line with nothing to hide exactly as pino made it', () => {
    const { logger, lines } = capturedLogger();
    logger.info({ incidentId: 'i-1', quote: 'say "hi"' }, 'plain');
    expect(lines[0]).toMatch(
      /^\{"level":30,"time":\d+,"service":"incident-commander","incidentId":"i-1","quote":"say \\"hi\\"","msg":"plain"\}$/,
    );
  });

  it('hides Slack tokens in messages and fields, and known secret fields whatever they hold', () => {
    const { logger, lines } = capturedLogger();
    logger.warn('an API call failed with token xoxb-1234-5678-abcdefABCDEF');
    logger.info({ request: { body: 'token=xapp-1-A0-123-abc&x=1' } }, 'request');
    logger.info({ password: 'plain', headers: { authorization: 'Bearer something' } }, 'fields');
    expect(lines.join('\n')).not.toMatch(/abcdefABCDEF|xapp-1-A0|plain|Bearer something/);
    expect(JSON.parse(lines[0] ?? '{}').msg).toBe('an API call failed with token xoxb-***');
    expect(JSON.parse(lines[2] ?? '{}')).toMatchObject({
      password: '[redacted]',
      headers: { authorization: '[redacted]' },
    });
  });
});
