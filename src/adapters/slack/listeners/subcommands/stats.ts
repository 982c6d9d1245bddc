import { renderFigures } from '../../views/figures.js';
import { loadFigures } from '../load-figures.js';
import type { SubcommandHandler } from './context.js';

/** `stats`: how incident response went over the last 30 and 90 days, privately, from anywhere. */
export const stats: SubcommandHandler = async (context) => {
  await context.reply(renderFigures(await loadFigures(context.deps, context.command.team_id)));
};
