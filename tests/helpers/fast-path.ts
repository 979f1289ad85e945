// Shared by the parser's fast-path tests: mostly-valid values, real frames with random edits, and a counter of frames taken.
import fc from "fast-check";

/** Mostly valid values, sometimes one the validators reject or the layout does not allow (so both outcomes are exercised). */
export const mostly = <T>(valid: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ arbitrary: valid, weight: 20 }, { arbitrary: odd, weight: 1 });

/** One of `seeds` with one to three edits: up to 4 chars of `alphabet` inserted at a random place, up to 3 chars cut there. */
export function editedFrame(seeds: readonly string[], alphabet: string): fc.Arbitrary<string> {
  const edit = fc.record({ at: fc.nat(), cut: fc.integer({ min: 0, max: 3 }), insert: fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 4 }) });
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([seed, edits]) => {
    let text = seed;
    for (const e of edits) {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
    }
    return text;
  });
}

/** How many frames a fast path took (it returned an event) since the last reset: each property shows it was exercised. */
export class TakenCount {
  n = 0;

  reset(): void {
    this.n = 0;
  }

  /** Counts `event` if the fast path took the frame; true when it did. */
  took<E>(event: E | null): event is E {
    if (event === null) return false;
    this.n++;
    return true;
  }
}
