import { z } from 'zod';
import type { StoredIncident } from '../../../app/ports/incident-store.js';
import { blockActionSchema, teamOf } from '../parse/block-action.js';
import type { ListenerDeps } from './deps.js';

export interface ButtonContext {
  readonly incident: StoredIncident;
  readonly incidentId: string;
  readonly userId: string;
  /** For opening a modal within Slack's 3 seconds. */
  readonly triggerId: string | null;
}

/** The incident a header control belongs to (by the channel it sits in) and who used it, or null. */
export async function locateIncident(deps: ListenerDeps, body: unknown): Promise<ButtonContext | null> {
  const parsed = blockActionSchema.safeParse(body);
  if (!parsed.success) {
    deps.logger.warn({ issues: parsed.error.issues }, 'block action payload did not parse');
    return null;
  }
  const teamId = teamOf(parsed.data);
  const channelId = parsed.data.container.channel_id ?? parsed.data.channel?.id;
  const incident = teamId && channelId ? await deps.store.findByChannel(teamId, channelId) : null;
  return incident
    ? {
        incident,
        incidentId: incident.id,
        userId: parsed.data.user.id,
        triggerId: parsed.data.trigger_id ?? null,
      }
    : null;
}

const uuid = z.string().uuid();

/**
 * The incident a button names in its value (`<incident id>` or `<incident id>|<thing id>`), for
 * buttons outside the incident channel: direct messages, the postmortem channel, App Home. A menu
 * passes its chosen option's value as `value`. The incident must belong to the clicking person's
 * workspace.
 */
export async function locateIncidentByValue(
  deps: ListenerDeps,
  body: unknown,
  value?: string,
): Promise<(ButtonContext & { readonly thingId: string | null }) | null> {
  const parsed = blockActionSchema.safeParse(body);
  if (!parsed.success) {
    deps.logger.warn({ issues: parsed.error.issues }, 'block action payload did not parse');
    return null;
  }
  const [incidentId, thingId] = (value ?? parsed.data.actions[0]?.value ?? '').split('|');
  if (!uuid.safeParse(incidentId).success) return null;
  const incident = await deps.store.findById(incidentId ?? '');
  if (!incident || incident.teamId !== teamOf(parsed.data)) return null;
  return {
    incident,
    incidentId: incident.id,
    userId: parsed.data.user.id,
    triggerId: parsed.data.trigger_id ?? null,
    thingId: thingId ?? null,
  };
}
