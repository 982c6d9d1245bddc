/** Whole minutes read better; short test durations keep their seconds. */
export const roundToMinute = (ms: number): number =>
  ms < 60_000 ? Math.round(ms / 1000) * 1000 : Math.round(ms / 60_000) * 60_000;
