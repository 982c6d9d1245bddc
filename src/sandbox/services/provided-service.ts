/** A service the sandbox uses: where to reach it, and how to stop it if the sandbox started it. */
export interface ProvidedService {
  readonly url: string;
  /** Stops what the sandbox started; a service found running is left alone. */
  stop(): Promise<void>;
}

export const leaveRunning = async (): Promise<void> => {};
