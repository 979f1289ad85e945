// Reconnect delay: exponential backoff with full jitter (the random number is an input, so the domain stays pure).

/**
 * Full jitter: a delay drawn uniformly from [0, min(maxMs, baseMs * 2^attempt)).
 * `rand` is a number in [0, 1); attempt 0 is the first retry.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, rand: number): number {
  if (!(rand >= 0 && rand < 1)) throw new RangeError(`backoffDelay: rand must be in [0, 1), got ${rand}`);
  const exp = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const ceiling = Math.min(maxMs, baseMs * 2 ** exp);
  return Math.floor(rand * ceiling);
}
