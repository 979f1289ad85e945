// TokenMap answers exactly as a Map would under any sequence of sets, gets and deletes, ids sharing cache slots included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TokenMap } from "../../src/domain/token-map.js";

interface Rec {
  id: string;
  n: number;
}

/** Ids that collide in the cache (same last three chars and length), short ones, and fresh copies of the same text. */
const ids = ["1000000000000000000000000000000000000000000000000000000000000000000000000000123", "2000000000000000000000000000000000000000000000000000000000000000000000000000123", "7", "42", "123"];
const copy = (s: string): string => Buffer.from(s, "latin1").toString("latin1");

const op = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), id: fc.constantFrom(...ids), n: fc.nat() }),
  fc.record({ kind: fc.constant("get" as const), id: fc.constantFrom(...ids) }),
  fc.record({ kind: fc.constant("delete" as const), id: fc.constantFrom(...ids) }),
);

describe("TokenMap", () => {
  it("agrees with a Map on any sequence of operations, looking ids up by fresh copies of their text", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const map = new TokenMap<Rec>((r) => r.id);
        const ref = new Map<string, Rec>();
        for (const o of ops) {
          if (o.kind === "set") {
            const rec = { id: o.id, n: o.n };
            map.set(copy(o.id), rec);
            ref.set(o.id, rec);
          } else if (o.kind === "delete") expect(map.delete(copy(o.id))).toBe(ref.delete(o.id));
          expect(map.get(copy(o.id))).toBe(ref.get(o.id));
          expect(map.has(copy(o.id))).toBe(ref.has(o.id));
        }
        expect(map.size).toBe(ref.size);
        expect([...map.values()]).toEqual([...ref.values()]);
      }),
      { numRuns: 500 },
    );
  });

  it("hands back the stored record, whose id is the string later lookups compare by identity", () => {
    const map = new TokenMap<Rec>((r) => r.id);
    const rec = { id: ids[0], n: 1 };
    map.set(rec.id, rec);
    const found = map.get(copy(ids[0]));
    expect(found).toBe(rec);
    expect(found!.id).toBe(rec.id);
  });
});
