import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../../src/adapters/observability/describe-failure.js';

describe('describeFailure: what a failed start prints', () => {
  it('prints the stack and every cause, with the passwords of URLs hidden', () => {
    const failure = new Error('migrations failed', {
      cause: new Error('could not connect to postgres://app:hunter2@db.internal:5432/ic'),
    });
    const printed = describeFailure(failure);
    expect(printed).toMatch(/^Error: migrations failed\n {4}at /);
    expect(printed).toContain(
      '\nCaused by: Error: could not connect to postgres://app:***@db.internal:5432/ic\n',
    );
    expect(printed).not.toContain('hunter2');
  });

  it('prints each address an AggregateError tried, and hides a Slack token in any of them', () => {
    const failure = new AggregateError(
      [new Error('connect ECONNREFUSED ::1:6379'), new Error('rejected token xoxb-1-2-abcdef')],
      '',
    );
    const printed = describeFailure(failure);
    expect(printed).toContain('\n  Error: connect ECONNREFUSED ::1:6379\n');
    expect(printed).toContain('\n  Error: rejected token xoxb-***\n');
    expect(printed).not.toContain('abcdef');
  });

  it('prints what was thrown when it is not an Error', () => {
    expect(describeFailure('redis://:s3cret@cache:6379 refused')).toBe('redis://:***@cache:6379 refused');
  });
});
