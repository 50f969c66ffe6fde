/** Where "now" comes from, so schedules and dates can be tested with a fixed time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
