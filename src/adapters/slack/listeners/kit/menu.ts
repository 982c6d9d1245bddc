import type { BlockAction } from '../../parse/block-action.js';

/**
 * The parts of the option chosen in a menu, whose values are `<verb>|<id>…` (or a button's value):
 * `['ruled_out', 'h1']`. Empty when nothing was chosen.
 */
export function chosen(payload: BlockAction): string[] {
  const action = payload.actions[0];
  const value = action?.selected_option?.value ?? action?.value ?? '';
  return value === '' ? [] : value.split('|');
}
