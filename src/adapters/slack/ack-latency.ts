import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/** What a request that must be acked is: a slash command, a click, a form, a shortcut. */
export type AckKind = 'slash_command' | 'block_actions' | 'view_submission' | 'shortcut' | 'other';

/**
 * A global Bolt middleware that times every request Slack waits on an ack for (not Events API
 * deliveries, which Bolt acks at once), from its arrival to the end of its listener. In HTTP mode
 * (`processBeforeResponse`) that is exactly when Slack gets its answer; in Socket Mode the ack
 * goes a moment earlier, when the listener calls it, just before it ends.
 */
export function ackLatencyMiddleware(
  observe: (kind: AckKind, seconds: number) => void,
): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    if (!('ack' in args) || typeof args.ack !== 'function') return args.next();
    const started = performance.now();
    try {
      await args.next();
    } finally {
      observe(kindOf(args.body), (performance.now() - started) / 1000);
    }
  };
}

function kindOf(body: unknown): AckKind {
  const { type, command } = (body ?? {}) as { type?: unknown; command?: unknown };
  if (typeof command === 'string') return 'slash_command';
  if (type === 'block_actions' || type === 'view_submission') return type;
  if (type === 'shortcut' || type === 'message_action') return 'shortcut';
  return 'other';
}
