export interface RebuildProgress {
  /** The projections rebuilt together, comma-separated. */
  projection: string;
  /** Position applied up to, and the log's last position when the rebuild began. */
  position: number;
  head: number;
  /** Events applied so far by this projection's rebuild. */
  events: number;
}
