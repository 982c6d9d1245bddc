import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactSecrets, redactUrl } from '../../../src/config/redact-secrets.js';

/** Characters of a password, weighted towards URL syntax so that every run meets some. */
const passwordCharacter = fc.oneof(
  fc.constantFrom('@', ':', '/', '?', '#', '%', '&', '=', '"', "'", '\\', '`', '*', '+', '[', ']'),
  fc.stringMatching(/^[A-Za-z0-9]$/),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
/** Whitespace too: a value read whole from the environment may hold anything. */
const anyPassword = fc
  .array(fc.oneof(passwordCharacter, fc.constantFrom(' ', '\t')), { minLength: 1, maxLength: 30 })
  .map((characters) => characters.join(''));
/** Any password with no whitespace in it (in free text, a URL ends at whitespace). */
const password = fc
  .array(passwordCharacter, { minLength: 1, maxLength: 30 })
  .map((characters) => characters.join(''))
  .filter((text) => !/\s/.test(text));
const scheme = fc.constantFrom('postgres', 'postgresql', 'redis', 'rediss');
// Names that are not secrets; one that happened to spell a Slack token would rightly be hidden.
const notAToken = (text: string) => !/xox[a-z]-|xapp-/i.test(text);
const user = fc.stringMatching(/^[A-Za-z0-9._~-]{0,12}$/).filter(notAToken);
const host = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/).filter(notAToken);
const port = fc.integer({ min: 1, max: 65535 });
const path = fc.stringMatching(/^(\/[a-z0-9_]{0,12})?$/);
/** Ordinary words around the URL, as in an error message. */
const words = fc.lorem({ maxCount: 6 });

describe('redactSecrets: credentials never survive in text', () => {
  it('hides the password of a URL inside any text, and nothing else', () => {
    fc.assert(
      fc.property(
        words,
        scheme,
        user,
        password,
        host,
        port,
        path,
        words,
        (before, s, u, pw, h, p, db, after) => {
          const text = `${before} ${s}://${u}:${pw}@${h}:${p}${db} ${after}`;
          expect(redactSecrets(text)).toBe(`${before} ${s}://${u}:***@${h}:${p}${db} ${after}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hides every URL password of a stack trace, in the message and in the lines below it', () => {
    fc.assert(
      fc.property(password, password, (databasePassword, redisPassword) => {
        const stack = [
          `Error: could not reach postgres://app:${databasePassword}@db:5432/ic (after redis://:${redisPassword}@cache:6379)`,
          '    at connect (file:///srv/node_modules/@slack/bolt/dist/App.js:12:3)',
        ].join('\n');
        expect(redactSecrets(stack)).toBe(
          [
            'Error: could not reach postgres://app:***@db:5432/ic (after redis://:***@cache:6379)',
            '    at connect (file:///srv/node_modules/@slack/bolt/dist/App.js:12:3)',
          ].join('\n'),
        );
      }),
    );
  });

  it('hides credentials passed as query parameters', () => {
    expect(redactSecrets('postgres://app@db/ic?sslmode=require&password=hunter2&sslpassword=k3y')).toBe(
      'postgres://app@db/ic?sslmode=require&password=***&sslpassword=***',
    );
  });

  it('hides Slack bot, user and app-level tokens wherever they appear', () => {
    const token = fc.tuple(
      fc.constantFrom('xoxb', 'xoxp', 'xapp'),
      fc.stringMatching(/^[A-Za-z0-9-]{1,60}$/),
    );
    fc.assert(
      fc.property(words, token, words, (before, [prefix, body], after) => {
        expect(redactSecrets(`${before} ${prefix}-${body} ${after}`)).toBe(
          `${before} ${prefix}-*** ${after}`,
        );
        expect(redactSecrets(`{"token":"${prefix}-${body}"}`)).toBe(`{"token":"${prefix}-***"}`);
        expect(redactSecrets(`Authorization: Bearer ${prefix}-${body}`)).toBe(
          `Authorization: Bearer ${prefix}-***`,
        );
      }),
    );
  });

  it('leaves text without secrets alone, and redacting twice changes nothing', () => {
    fc.assert(
      fc.property(words, host, path, (text, h, db) => {
        const plain = `${text} postgres://app@${h}:5432${db} https://slack.com/api/chat.postMessage`;
        expect(redactSecrets(plain)).toBe(plain);
      }),
    );
    const pieces = fc.oneof(passwordCharacter, fc.constantFrom('redis://', 'xoxb-', 'password=', ' ', '\n'));
    const messy = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(messy, (text) => {
        expect(redactSecrets(redactSecrets(text))).toBe(redactSecrets(text));
      }),
    );
  });
});

describe('redactUrl: a value meant to be one URL, even when it does not parse', () => {
  it('hides the password whatever it holds, whitespace included', () => {
    fc.assert(
      fc.property(scheme, user, anyPassword, host, path, (s, u, pw, h, db) => {
        expect(redactUrl(`${s}://${u}:${pw}@${h}:99999${db}`)).toBe(`${s}://${u}:***@${h}:99999${db}`);
      }),
      { numRuns: 500 },
    );
  });

  it('hides the password of a URL written without its scheme', () => {
    // `app://x@db` reads as the scheme app and the user x: a scheme-less value whose password begins
    // with `//` cannot be told apart from one with a scheme, and the scheme reading is the likely one.
    const notLikeAScheme = anyPassword.filter((pw) => !pw.startsWith('//'));
    fc.assert(
      fc.property(user, notLikeAScheme, host, (u, pw, h) => {
        expect(redactUrl(`${u}:${pw}@${h}/ic`)).toBe(`${u}:***@${h}/ic`);
      }),
    );
  });

  it('keeps a URL without a password as it is', () => {
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/incident_commander')).toBe(
      'postgres://postgres@127.0.0.1:5432/incident_commander',
    );
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(redactUrl('not a url')).toBe('not a url');
  });
});

describe('redactSecrets: credentials in request bodies', () => {
  it('hides a client secret in a JSON body and at the start of a form body', () => {
    expect(
      redactSecrets('http request body: {"code":"c-1","client_id":"1.2","client_secret":"s3cr3t"}'),
    ).toBe('http request body: {"code":"c-1","client_id":"1.2","client_secret":"***"}');
    expect(redactSecrets('client_secret=s3cr3t&code=c-1')).toBe('client_secret=***&code=c-1');
    expect(redactSecrets(redactSecrets('{"client_secret":"s3cr3t"}'))).toBe('{"client_secret":"***"}');
  });
});
