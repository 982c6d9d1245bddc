/**
 * Hiding the secrets that configuration carries (passwords inside `DATABASE_URL`/`REDIS_URL`, Slack
 * tokens) wherever they could be echoed: configuration errors, log lines, a failed start's stack.
 * Pure and small on purpose: it runs on every log line that has text in it.
 */

/** What a hidden secret is replaced with. */
export const CENSOR = '***';

// A scheme then `//`, and everything up to the next whitespace. A URL with a password is not always
// a valid one (an unencoded `/`, `@` or `#` in the password), so nothing inside it ends it early.
const URL_IN_TEXT = /([a-z][a-z0-9+.-]*:\/\/)(\S*)/gi;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// Query parameters that carry credentials (`password`, `sslpassword`, `access_token`, …).
const SECRET_PARAMETER = /([?&;][^=&#\s]*(?:pass|pwd|secret|token)[^=&#\s]*=)[^&#\s]*/gi;
// A JSON field that carries a credential (`"client_secret":"…"`, as the Web API client's debug lines
// show an OAuth exchange's body), and the same as a form field at the start of a body.
const SECRET_JSON_FIELD = /("[^"\s]*(?:pass|pwd|secret)[^"\s]*"\s*:\s*")[^"]*/gi;
const SECRET_FORM_FIELD = /^([^=&#\s]*(?:pass|pwd|secret)[^=&#\s]*=)[^&#\s]*/i;
// Bot, user, app-level and other Slack tokens; the prefix stays so a reader knows which one it was.
// A bare prefix ("starting with xoxb-") names a kind of token and is not one.
const SLACK_TOKEN = /(xox[a-z]|xapp)-[^\s"'`<>()[\]{},;]+/gi;

/**
 * Hides credentials in any text: the password of every URL (`postgres://user:***@host/db`,
 * `redis://:***@host`), credential query parameters and JSON or form fields (`"client_secret":"***"`), and Slack tokens (`xoxb-***`). A URL ends at
 * whitespace and its user information at its last `@`, so a password full of URL syntax is still
 * hidden whole. The price: a URL with a port and an `@` later on (`https://h:443/a@b`), or two URLs
 * written without a space between them, lose more than a password. Text without secrets comes back
 * unchanged, and redacting twice changes nothing.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(URL_IN_TEXT, (_match, scheme: string, rest: string) => scheme + redactAfterScheme(rest))
    .replace(SLACK_TOKEN, (_match, prefix: string) => `${prefix}-${CENSOR}`)
    .replace(SECRET_JSON_FIELD, (_match, field: string) => `${field}${CENSOR}`)
    .replace(SECRET_FORM_FIELD, (_match, name: string) => `${name}${CENSOR}`);
}

/**
 * Hides the credentials of a value that is meant to be one URL (an environment variable), even when
 * it does not parse: without a scheme, with whitespace in the password, with an impossible port.
 * A leading `name://` is always read as a scheme, so a scheme-less `user:` followed by a password
 * that begins with `//` is the one shape it cannot tell from a user name, and would show.
 */
export function redactUrl(value: string): string {
  const scheme = SCHEME.exec(value)?.[0] ?? '';
  return redactSecrets(scheme + redactAfterScheme(value.slice(scheme.length)));
}

/** `user:password@host…` → `user:***@host…`; a lone `user@` is a name, not a secret, and stays. */
function redactAfterScheme(rest: string): string {
  const at = rest.lastIndexOf('@');
  const colon = at === -1 ? -1 : rest.slice(0, at).indexOf(':');
  const hidden = colon === -1 ? rest : `${rest.slice(0, colon + 1)}${CENSOR}${rest.slice(at)}`;
  return hidden.replace(SECRET_PARAMETER, (_match, name: string) => `${name}${CENSOR}`);
}
