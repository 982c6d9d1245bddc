/**
 * Remembers messages already delivered, so a retried effect or a re-run job does not send a person
 * the same message twice. Keys name the message and its recipient, e.g. `escalation:<id>:U123`.
 */
export interface Deliveries {
  wasDelivered(key: string): Promise<boolean>;
  markDelivered(key: string, detail: string): Promise<void>;
}

/** Sends unless already delivered, and records the delivery once Slack accepted it. */
export async function deliverOnce(
  deliveries: Deliveries,
  key: string,
  send: () => Promise<string>,
): Promise<'sent' | 'already'> {
  if (await deliveries.wasDelivered(key)) return 'already';
  const detail = await send();
  await deliveries.markDelivered(key, detail);
  return 'sent';
}
