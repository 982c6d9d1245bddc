import { z } from 'zod';
import { redactUrl } from './redact-secrets.js';

/** A value as a problem line shows it: quoted, so spaces and empty strings are visible. */
export const quoted = (value: unknown): string => JSON.stringify(value);

/** A URL with one of these protocols. The problem line hides a password the value may hold. */
export const urlValue = (protocols: readonly string[], example: string) =>
  z.string().refine(
    (text) => {
      try {
        return protocols.includes(new URL(text).protocol);
      } catch {
        return false;
      }
    },
    { error: (issue) => `expected a URL like ${example}, got ${quoted(redactUrl(String(issue.input)))}` },
  );
