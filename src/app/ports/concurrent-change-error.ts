/**
 * Someone appended to the incident after the version the change was decided on. The command core
 * retries with fresh state a few times; beyond that the person is told to try again.
 */
export class ConcurrentChangeError extends Error {
  constructor(incidentId: string, expectedVersion: number) {
    super(`incident ${incidentId} changed after version ${expectedVersion}`);
    this.name = 'ConcurrentChangeError';
  }
}
