/**
 * Remembers messages already delivered, so a retried effect or a re-run job does not send a person
 * the same message twice. Keys name the message and its recipient, e.g. `escalation:<id>:U123`.
 */
export interface Deliveries {
  /** What was recorded when the message was delivered (e.g. its `ts`), or null if it was not. */
  find(key: string): Promise<string | null>;
  markDelivered(key: string, detail: string): Promise<void>;
}

/** Sends unless already delivered, and records the delivery once Slack accepted it. */
export async function deliverOnce(
  deliveries: Deliveries,
  key: string,
  send: () => Promise<string>,
): Promise<'sent' | 'already'> {
  if ((await deliveries.find(key)) !== null) return 'already';
  await deliveries.markDelivered(key, await send());
  return 'sent';
}

/**
 * Like `deliverOnce`, for a step whose result a later step needs (the `ts` of a message to thread
 * under): returns what the first delivery recorded, sending only if nothing was.
 */
export async function deliverOnceFor(
  deliveries: Deliveries,
  key: string,
  send: () => Promise<string>,
): Promise<string> {
  const recorded = await deliveries.find(key);
  if (recorded !== null) return recorded;
  const detail = await send();
  await deliveries.markDelivered(key, detail);
  return detail;
}
