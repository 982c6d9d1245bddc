import type { ChannelView, TimerView } from '../protocol.js';
import type { RenderContext } from './context.js';
import { h } from './dom.js';
import { mrkdwn } from './mrkdwn.js';
import { countdown, formatIn } from './zoned-time.js';

/** Beside the channel: the bot's pending timers (counting down) and the pinned items. */
export function renderSidePanel(channel: ChannelView, context: RenderContext): HTMLElement {
  const pinned = channel.messages.filter((m) => m.pinned);
  return h(
    'aside',
    { class: 'side-panel' },
    channel.timers ? timers(channel.timers, context) : null,
    h(
      'section',
      { class: 'pins' },
      h('h4', {}, `Pinned (${pinned.length})`),
      pinned.length === 0
        ? h('p', { class: 'muted' }, 'Nothing pinned.')
        : h(
            'ul',
            {},
            pinned.map((m) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    onclick: () =>
                      document.querySelector(`[data-ts="${m.ts}"]`)?.scrollIntoView({ block: 'center' }),
                  },
                  mrkdwn(m.text.split('\n')[0] ?? '', context),
                ),
              ),
            ),
          ),
    ),
  );
}

function timers(list: readonly TimerView[], context: RenderContext): HTMLElement {
  return h(
    'section',
    { class: 'timers', 'aria-label': 'Pending timers' },
    h('h4', {}, `Pending timers (${list.length})`),
    h(
      'p',
      { class: 'muted' },
      `From the bot's own timer policy, as /incident timers lists them. Times in ${context.zone}; the bot runs ${context.state.speed}× fast.`,
    ),
    list.length === 0
      ? h('p', { class: 'muted' }, 'Nothing will fire on its own.')
      : h(
          'ul',
          {},
          list.map((t) =>
            h(
              'li',
              { class: 'timer' },
              h(
                'div',
                {},
                h('strong', {}, t.label),
                ' ',
                h(
                  'span',
                  { class: 'countdown', 'data-fire-at': t.fireAt },
                  countdown(Date.parse(t.fireAt) - context.now()),
                ),
              ),
              h(
                'div',
                { class: 'muted' },
                formatIn(Date.parse(t.fireAt), context.zone, {
                  weekday: 'short',
                  hour: '2-digit',
                  minute: '2-digit',
                  second: '2-digit',
                }),
              ),
              t.heldFor
                ? h('div', { class: 'held' }, `Held for working hours (09:00–18:00 weekdays) in ${t.heldFor}`)
                : null,
              h(
                'details',
                {},
                h('summary', {}, 'Why, what, what cancels it'),
                h('p', {}, t.rule),
                h('p', {}, t.effect),
                h('p', {}, `Cancelled by: ${t.cancelledBy}`),
              ),
            ),
          ),
        ),
  );
}

/** Moves every countdown on the page on by the clock (called each second). */
export function tickCountdowns(now: number): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-fire-at]'))
    element.textContent = countdown(Date.parse(element.dataset.fireAt ?? '') - now);
}
