/** How far each person has read each channel (the page's unread marks), kept as Slack's clients keep it. */
export class ReadMarks {
  readonly #marks = new Map<string, string>();

  mark(userId: string, channel: string, ts: string): void {
    const key = `${userId}|${channel}`;
    if (Number(ts) > Number(this.#marks.get(key) ?? 0)) this.#marks.set(key, ts);
  }

  /** Whether a message at `ts` is newer than what `userId` has read in `channel`. */
  isUnread(userId: string, channel: string, ts: string): boolean {
    return Number(ts) > Number(this.#marks.get(`${userId}|${channel}`) ?? 0);
  }
}
