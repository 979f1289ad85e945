// The dashboard's typed confirmation: only the exact short name starts live trading.
import { describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { confirmLive } from "../../../src/adapters/gateway/live/confirm-live.js";
import type { MarketInfo } from "../../../src/domain/market.js";

const market = { slug: "will-it-rain", question: "Will it rain?" } as MarketInfo;

async function answer(text: string | null): Promise<{ ok: boolean; shown: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = "";
  output.on("data", (d) => (shown += d));
  const p = confirmLive(market, { clob: "http://x", maxNotionalUsd: 50, input, output });
  if (text === null) input.end();
  else input.write(text);
  return { ok: await p, shown };
}

describe("confirmLive", () => {
  it("starts only on the exact slug", async () => {
    const yes = await answer("will-it-rain\n");
    expect(yes.ok).toBe(true);
    expect(yes.shown).toMatch(/LIVE TRADING.*\$50.*\n.*\(will-it-rain\)/);
    expect((await answer("  will-it-rain \n")).ok).toBe(true);
    expect((await answer("y\n")).ok).toBe(false);
    expect((await answer("will-it\n")).ok).toBe(false);
    expect((await answer(null)).ok).toBe(false);
  });
});
