/**
 * A civil date as the records know it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (Gregorian). A legacy
 * date known only to the year keeps that precision; it never becomes a guessed day.
 */
export type PartialDate = string;

/** A civil date known to the day, `YYYY-MM-DD`. */
export type CivilDate = string;
