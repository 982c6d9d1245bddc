import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { envSchema } from '../../../src/config/env-schema.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();
const ENV_NAME = /^[A-Z][A-Z0-9_]+$/;

/** Every variable the bot reads: the one schema `loadConfig` parses the environment with. */
const schema = sorted(Object.keys(envSchema.shape));
/** The sandbox's own variables (its page's address), read by its own small schema. */
const sandboxOnly = sorted(read('src/sandbox/options.ts').match(/\bSANDBOX_[A-Z_]+(?=:)/g) ?? []);
/** Set by the image for Node itself, not read by the bot. */
const nodeOwn = ['NODE_ENV'];

/** The variables of the README's configuration tables (the `## Configuration` section). */
function readmeTable(): string[] {
  const readme = read('README.md');
  const start = readme.indexOf('\n## Configuration\n');
  const end = readme.indexOf('\n## ', start + 1);
  expect(start).toBeGreaterThan(0);
  return [...readme.slice(start, end).matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map(([, name]) => name ?? '');
}

/** The variables `deploy/env.example` lists, set or commented out. */
const envExample = () =>
  [...read('deploy/env.example').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map(([, name]) => name ?? '');

interface ComposeService {
  readonly environment?: Record<string, string>;
  readonly ports?: string[];
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };

describe('the configuration agrees everywhere it is written down', () => {
  it('the README configuration table lists every variable of src/config/env-schema.ts, and only those', () => {
    expect(sorted(readmeTable())).toEqual(schema);
  });

  it('deploy/env.example lists every variable, and only those', () => {
    expect(sorted(envExample())).toEqual(schema);
  });

  it('the compose file sets only variables the bot (or the sandbox) reads, and publishes the default port', () => {
    const bot = compose.services.bot;
    const sandbox = compose.services.sandbox;
    expect(bot?.environment).toBeDefined();
    for (const name of Object.keys(bot?.environment ?? {})) expect(schema, `bot: ${name}`).toContain(name);
    for (const name of Object.keys(sandbox?.environment ?? {}))
      expect([...schema, ...sandboxOnly], `sandbox: ${name}`).toContain(name);
    const port = String(envSchema.shape.PORT.parse(undefined));
    expect(bot?.ports).toContain(`${port}:${port}`);
  });

  it('the Dockerfile sets only variables Node or the bot reads, exposes the default port and checks /healthz on PORT', () => {
    const dockerfile = read('deploy/Dockerfile');
    const set = [...dockerfile.matchAll(/^ENV ([A-Z][A-Z0-9_]+)=/gm)].map(([, name]) => name ?? '');
    for (const name of set) expect([...schema, ...nodeOwn], name).toContain(name);
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${envSchema.shape.PORT.parse(undefined)}$`, 'm'));
    expect(dockerfile).toMatch(/process\.env\.PORT\|\|3000\)\+'\/healthz'/);
  });

  it('the bot reads the environment only through the schema', () => {
    // `npm run migrate` reads DATABASE_URL alone, and parses it with the schema's own field.
    const migrate = read('src/migrate.ts');
    expect(migrate).toContain('envSchema.shape.DATABASE_URL');
    for (const [name] of migrate.matchAll(/(?<=process\.env\.)[A-Z_]+/g)) expect(schema).toContain(name);
    for (const name of [...schema, ...sandboxOnly]) expect(name).toMatch(ENV_NAME);
  });
});
