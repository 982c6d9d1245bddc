const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Ids shaped like Slack's: a type letter and ten uppercase alphanumerics (`C0A1B2C3D4`). */
export function slackId(prefix: string, counter: number): string {
  let body = '';
  let n = counter;
  for (let i = 0; i < 9; i++) {
    body = (ALPHABET[n % ALPHABET.length] ?? 'A') + body;
    n = Math.floor(n / ALPHABET.length);
  }
  return `${prefix}0${body}`;
}

/** Message timestamps: seconds.micro, strictly increasing even within one millisecond. */
export class TsClock {
  #last = 0;

  /** `now` is the workspace's clock: a test that pins the bot's time pins Slack's with it. */
  constructor(private readonly now: () => Date) {}

  next(): string {
    const micros = Math.max(this.now().getTime() * 1000, this.#last + 100);
    this.#last = micros;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }
}
