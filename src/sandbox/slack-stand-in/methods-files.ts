import { type MethodHandler, required, SlackApiError, text } from './method-types.js';
import { findChannel } from './methods-conversations.js';

/** The two-step upload that `files.uploadV2` performs: get an upload URL, POST bytes, complete. */
export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': (args, { workspace, origin }) => {
    const id = workspace.newId('F');
    workspace.files.set(id, {
      id,
      filename: required(args, 'filename'),
      content: '',
      title: '',
      channel: null,
    });
    return { upload_url: `${origin}/upload/${id}`, file_id: id };
  },

  'files.completeUploadExternal': (args, { workspace }) => {
    const files = typeof args.files === 'string' ? JSON.parse(args.files) : args.files;
    if (!Array.isArray(files) || files.length === 0) throw new SlackApiError('invalid_arguments');
    const channelId = text(args, 'channel_id') || text(args, 'channels') || null;
    if (channelId) findChannel(workspace, channelId);
    const completed = files.map((entry: { id?: string; title?: string }) => {
      const file = workspace.files.get(entry.id ?? '');
      if (!file) throw new SlackApiError('file_not_found');
      file.title = entry.title ?? file.filename;
      file.channel = channelId;
      return file;
    });
    if (channelId) {
      const comment = text(args, 'initial_comment');
      workspace.addMessage(channelId, {
        user: workspace.botUserId,
        text: comment,
        threadTs: text(args, 'thread_ts') || null,
        botId: workspace.botId,
        blocks: null,
        files: completed.map((file) => file.id),
      });
    }
    return { files: completed.map((file) => ({ id: file.id, title: file.title, name: file.filename })) };
  },
};
