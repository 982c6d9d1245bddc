import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** The first executable file called `name` in the directories of a `PATH` value, or null. */
export function findOnPath(name: string, pathValue: string | undefined): string | null {
  for (const directory of (pathValue ?? '').split(path.delimiter)) {
    if (directory === '') continue;
    const candidate = path.join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here, or not executable: keep looking.
    }
  }
  return null;
}
