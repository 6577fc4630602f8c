import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** Every request answered, warm-up included. */
  requests: number;
}

/** A closed-loop load on loopback: a short warm-up, then the measured run. */
export async function load(
  url: string,
  options: {
    headers?: Record<string, string>;
    method?: 'GET' | 'POST';
    body?: string;
    seconds?: number;
    connections?: number;
    /** Headers per request, taken in turn (e.g. one session of many users each). */
    rotateHeaders?: ReadonlyArray<Record<string, string>>;
  } = {},
): Promise<LoadResult> {
  const base = {
    url,
    connections: options.connections ?? 10,
    headers: options.headers ?? {},
    method: options.method ?? 'GET',
    ...(options.body ? { body: options.body } : {}),
    ...(options.rotateHeaders ? { requests: [{ setupRequest: rotating(options.rotateHeaders) }] } : {}),
  };
  const warm = await autocannon({ ...base, duration: 2 });
  const result = await autocannon({ ...base, duration: options.seconds ?? 8 });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    requests: warm.requests.total + result.requests.total,
  };
}

function rotating(all: ReadonlyArray<Record<string, string>>) {
  let next = 0;
  return (request: autocannon.Request): autocannon.Request => ({
    ...request,
    headers: { ...(request.headers as Record<string, string>), ...all[next++ % all.length] },
  });
}
