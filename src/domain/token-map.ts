// A Map keyed by token id with a direct-mapped cache in front: parsed ids are fresh strings, and `===` against a cached id costs a third of a Map lookup.

/** Slots of the cache (a power of two). */
const SLOTS = 256;

function slotOf(id: string): number {
  const n = id.length;
  // charCodeAt past the start is NaN, and NaN | 0 is 0: short ids still land in a slot.
  return ((id.charCodeAt(n - 1) * 31 + id.charCodeAt(n - 2) * 7 + id.charCodeAt(n - 3) + n) | 0) & (SLOTS - 1);
}

/**
 * Values that know their own token id (`idOf`). Token ids arrive as fresh strings parsed from each frame, so a Map
 * lookup hashes all ~77 digits every time (~220 ns here); the cache picks a slot from the id's last characters and
 * compares with `===` (~70 ns, `npm run bench`). `idOf(value)` of a cached value is also the id string to hand on, so
 * that later lookups compare by identity.
 */
export class TokenMap<V> {
  private readonly map = new Map<string, V>();
  private readonly cache: (V | undefined)[] = new Array<V | undefined>(SLOTS).fill(undefined);

  constructor(private readonly idOf: (value: V) => string) {}

  get(id: string): V | undefined {
    const slot = slotOf(id);
    const cached = this.cache[slot];
    if (cached !== undefined && this.idOf(cached) === id) return cached;
    const value = this.map.get(id);
    if (value !== undefined) this.cache[slot] = value;
    return value;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** `idOf(value)` must be `id`. */
  set(id: string, value: V): void {
    this.map.set(id, value);
    const slot = slotOf(id);
    const cached = this.cache[slot];
    if (cached !== undefined && this.idOf(cached) === id) this.cache[slot] = value;
  }

  delete(id: string): boolean {
    const slot = slotOf(id);
    const cached = this.cache[slot];
    if (cached !== undefined && this.idOf(cached) === id) this.cache[slot] = undefined;
    return this.map.delete(id);
  }

  get size(): number {
    return this.map.size;
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }
}
