import { z } from 'zod';
import { CHANNEL_ID_PATTERN, USER_ID_PATTERN } from '../../../domain/index.js';

/**
 * Ids as Slack shapes them, checked before anything builds a mention (`<@U…>`, `<#C…>`), a query or
 * a log line from them. A payload whose ids do not have these shapes is not Slack's.
 */
export const userId = z.string().regex(USER_ID_PATTERN, 'not a Slack user id');
export const channelId = z.string().regex(CHANNEL_ID_PATTERN, 'not a Slack channel id');
export const teamId = z.string().regex(/^[TE][A-Z0-9]{2,20}$/, 'not a Slack team id');
/** A message timestamp, `1599062420.000400`: seconds, a dot, microseconds. */
export const messageTs = z.string().regex(/^\d{9,11}\.\d{6}$/, 'not a Slack message ts');
