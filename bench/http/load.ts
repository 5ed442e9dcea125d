// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: object) => Promise<AutocannonResult>;

interface AutocannonResult {
  duration: number;
  latency: { p50: number; p99: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface LoadResult {
  /** Successful (2xx) responses per second: for a command, facts acknowledged after their commit. */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
}

export interface LoadOptions {
  url: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A fresh body for each request. */
  body?: () => unknown;
  /** A fresh path for each request (reads of many persons); `path` is the first. */
  nextPath?: () => string;
  connections?: number;
  seconds?: number;
}

/** HTTP load from `connections` concurrent clients with autocannon, as an agency's systems would send it. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const { body, nextPath } = options;
  const setupRequest = (request: object) => ({
    ...request,
    ...(body ? { body: JSON.stringify(body()) } : {}),
    ...(nextPath ? { path: nextPath() } : {}),
  });
  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? 64,
    duration: options.seconds ?? 10,
    requests: [
      {
        method: options.method ?? 'GET',
        path: options.path,
        headers: { 'content-type': 'application/json', ...options.headers },
        ...(body || nextPath ? { setupRequest } : {}),
      },
    ],
  });
  return {
    perSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}
