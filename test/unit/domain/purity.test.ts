import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DOMAIN = fileURLToPath(new URL('../../../src/domain', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('src/domain', () => {
  it('imports nothing but its own files: no Slack, database, queue, logger or node:*', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(DOMAIN)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(
        /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
      )) {
        const specifier = match[1] ?? match[2] ?? '';
        if (!specifier.startsWith('./') && !specifier.startsWith('../'))
          offenders.push(`${relative(DOMAIN, file)} imports ${specifier}`);
      }
      if (/\bDate\.now\(|Math\.random\(|new Date\(\)/.test(source))
        offenders.push(`${relative(DOMAIN, file)} reads the clock or randomness`);
    }
    expect(offenders).toEqual([]);
  });

  it('has files small enough to hold in one’s head', () => {
    const long = sourceFiles(DOMAIN)
      .map((file) => [relative(DOMAIN, file), readFileSync(file, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 300);
    expect(long).toEqual([]);
  });
});
