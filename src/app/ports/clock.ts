/** The only source of "now" for the application; the domain gets time from the command. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
