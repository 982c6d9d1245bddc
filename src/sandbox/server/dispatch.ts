import type { PageRequest } from '../protocol.js';
import { act, openHome, react, send, shortcut } from './person-requests.js';
import type { ReadMarks } from './read-marks.js';
import { DeliveryError, type SlackClient } from './slack-client.js';
import { close, submit } from './view-answers.js';

/** Does what the person did on the page; every change to the workspace is then shown live. */
export async function dispatch(
  client: SlackClient,
  readMarks: ReadMarks,
  request: PageRequest,
): Promise<void> {
  const { workspace } = client.slack;
  try {
    switch (request.type) {
      case 'send':
        return await send(client, request);
      case 'action':
        return await act(client, request);
      case 'submit':
        return await submit(client, request);
      case 'close':
        return close(client, request);
      case 'react':
        return await react(client, request);
      case 'shortcut':
        return await shortcut(client, request);
      case 'open-home':
        return await openHome(client, request);
      case 'read': {
        const latest = workspace.messages(request.channel).at(-1);
        if (latest) readMarks.mark(request.as, request.channel, latest.ts);
        return;
      }
      case 'join': {
        const channel = workspace.channels.get(request.channel);
        if (!channel || channel.isPrivate || channel.isIm)
          throw new DeliveryError('You cannot join that one.');
        channel.members.add(request.as);
        return;
      }
      case 'dismiss':
        workspace.ephemerals.dismiss(request.as, request.id);
        return;
    }
  } finally {
    workspace.changes.notify();
  }
}
