// The interleaved runner: each round resets every variant, then walks the chunks in order, every variant on each chunk.
import { describe, expect, it } from "vitest";
import { interleavedChunks, type ChunkVariant } from "../../../src/bench/interleave.js";

describe("interleavedChunks", () => {
  it("resets per round, covers every frame once per round in order, and interleaves the variants per chunk", async () => {
    const calls: string[] = [];
    const seen: Record<string, number[]> = { a: [], b: [] };
    const variant = (name: "a" | "b"): ChunkVariant => ({
      reset: () => void calls.push(`${name}:reset`),
      run: async (from, to) => {
        calls.push(`${name}:${from}-${to}`);
        for (let i = from; i < to; i++) seen[name].push(i);
      },
      done: (ns) => {
        expect(ns).toBeGreaterThan(0);
        calls.push(`${name}:done`);
      },
    });
    const total = await interleavedChunks({ a: variant("a"), b: variant("b") }, { frames: 25, chunk: 10, rounds: 2 });
    const round = ["a:reset", "b:reset", "a:0-10", "b:0-10", "a:10-20", "b:10-20", "a:20-25", "b:20-25", "a:done", "b:done"];
    expect(calls).toEqual([...round, ...round]);
    const once = Array.from({ length: 25 }, (_, i) => i);
    expect(seen.a).toEqual([...once, ...once]);
    expect(total.a).toBeGreaterThan(0);
    expect(Number.isFinite(total.b)).toBe(true);
  });
});
