import { loadFigures } from '../../../../app/load-figures.js';
import { renderFigures } from '../../views/figures.js';
import { type SubcommandHandler, say } from './context.js';

/** `stats`: how incident response went over the last 30 and 90 days, privately, from anywhere. */
export const stats: SubcommandHandler = async (context) => {
  const { deps } = context;
  const figures = await loadFigures(
    { store: deps.store, policy: deps.policy, timezone: deps.config.timezone },
    context.command.team_id,
    deps.clock.now(),
  );
  return say(renderFigures(figures));
};
