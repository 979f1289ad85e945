// Occupancy bitmaps over a book side's slots (one bit per slot): the next set slot either way, and clearing the set slots.

/** 32-bit words for `slots` bits. */
export const bitmapWords = (slots: number): number => (slots + 31) >>> 5;

/** The highest set slot below `slot` (-1 if none). */
export function setBelow(bits: Uint32Array, slot: number): number {
  let w = (slot - 1) >> 5;
  if (w < 0) return -1;
  const shift = ((slot - 1) & 31) + 1; // keep bits 0 .. (slot - 1) & 31 of the first word
  let word = shift === 32 ? bits[w] : bits[w] & ((1 << shift) - 1);
  while (word === 0) {
    if (--w < 0) return -1;
    word = bits[w];
  }
  return (w << 5) + 31 - Math.clz32(word);
}

/** The lowest set slot above `slot` (-1 if none). */
export function setAbove(bits: Uint32Array, slot: number): number {
  const from = slot + 1;
  let w = from >> 5;
  if (w >= bits.length) return -1;
  let word = bits[w] & (-1 << (from & 31));
  while (word === 0) {
    if (++w >= bits.length) return -1;
    word = bits[w];
  }
  return (w << 5) + 31 - Math.clz32(word & -word);
}

/** Zeroes the `levels` set slots of `arr` and their bits, visiting the bitmap's words instead of every slot. */
export function clearSlots(arr: Float64Array, bits: Uint32Array, levels: number): void {
  let left = levels;
  for (let w = 0; left > 0 && w < bits.length; w++) {
    let word = bits[w];
    if (word === 0) continue;
    bits[w] = 0;
    for (; word !== 0; word &= word - 1, left--) arr[(w << 5) + 31 - Math.clz32(word & -word)] = 0; // the lowest set bit
  }
  if (left !== 0) {
    // never expected (the counts and bitmaps are kept exact); a full wipe keeps clear() correct regardless
    arr.fill(0);
    bits.fill(0);
  }
}
