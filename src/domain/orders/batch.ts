// Splits orders or ids into batches of at most `size` (the CLOB's POST /orders takes 15).
export function batches<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError(`batch size must be at least 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
