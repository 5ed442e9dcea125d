import { DEFAULT_THRESHOLD } from '../../statistics/suppression';

/**
 * The smallest count a statistician may see (default 5): a deployment sets it with
 * `SIJIL_STATISTICS_THRESHOLD`; nothing in a request can lower it.
 */
export function suppressionThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.SIJIL_STATISTICS_THRESHOLD);
  return Number.isInteger(configured) && configured >= 1 ? configured : DEFAULT_THRESHOLD;
}
