import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const PAGE = fileURLToPath(new URL('../page/', import.meta.url));

/** The page's script and style, bundled from src/sandbox/page/ by esbuild when the sandbox starts. */
export interface PageAssets {
  readonly script: string;
  readonly style: string;
}

export async function bundlePage(): Promise<PageAssets> {
  const result = await build({
    entryPoints: [`${PAGE}main.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]?.text;
  if (script === undefined) throw new Error('esbuild produced no page script');
  return { script, style: await readFile(`${PAGE}page.css`, 'utf8') };
}
