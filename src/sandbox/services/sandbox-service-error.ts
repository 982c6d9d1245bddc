/**
 * A service the sandbox needs could not be provided, for a reason the person running it can fix
 * (install Redis, free the data directory, …). The message says what to do; a stack would only hide
 * it, so the sandbox prints the message alone.
 */
export class SandboxServiceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxServiceError';
  }
}
