import type { PageRequest, PageState } from '../protocol.js';

/** What every renderer needs: who is looking, how to name people and channels, and how to act. */
export interface RenderContext {
  readonly state: PageState;
  /** The acting person's zone: every time is shown in it. */
  readonly zone: string;
  /** The bot's clock now, in ms (it may be shifted with --start-at). */
  now(): number;
  personName(id: string): string;
  channelName(id: string): string;
  openChannel(id: string): void;
  /** Sends what the person did to the sandbox server (the `as` field is filled in). */
  act(request: DistributiveOmit<PageRequest, 'as'>): Promise<boolean>;
}

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
