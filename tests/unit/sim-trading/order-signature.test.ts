// V2 order decoding, EIP-712 signature checks and price/size from amounts, on orders built by the official client.
import { OrderBuilder, Side, SignatureTypeV2, orderToJsonV2 } from "@polymarket/clob-client-v2";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderTerms } from "../../../src/sim/trading/order-amounts.js";
import { decodePostOrder } from "../../../src/sim/trading/order-payload.js";
import { orderHash, verifyOrderSignature } from "../../../src/sim/trading/order-signature.js";
import { fixedWallet, signerOf } from "./wallet.js";

const TOKEN = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
const wallet = fixedWallet(21);

async function signed(opts: { side: Side; price: number; size: number; negRisk?: boolean; chain?: number; tick?: "0.01" | "0.001"; sigType?: SignatureTypeV2; funder?: string }) {
  const builder = new OrderBuilder(signerOf(wallet) as never, opts.chain ?? 137, opts.sigType, opts.funder);
  const order = await builder.buildOrder(
    { tokenID: TOKEN, price: opts.price, size: opts.size, side: opts.side },
    { tickSize: opts.tick ?? "0.01", negRisk: opts.negRisk ?? false },
    2,
  );
  // Round-trip through JSON exactly as the client posts it.
  return JSON.parse(JSON.stringify(orderToJsonV2(order as never, "owner-key", "GTC" as never, true))) as unknown;
}

function decode(body: unknown) {
  const d = decodePostOrder(body);
  if (!d.ok) throw new Error(d.error);
  return d.value;
}

describe("decodePostOrder", () => {
  it("reads the official client's body", async () => {
    const b = decode(await signed({ side: Side.BUY, price: 0.55, size: 10 }));
    expect(b).toMatchObject({ owner: "owner-key", orderType: "GTC", postOnly: true, deferExec: false });
    expect(b.order.side).toBe("BUY");
    expect(b.order.makerAmount).toBe(5_500_000n);
    expect(b.order.takerAmount).toBe(10_000_000n);
    expect(b.order.maker).toBe(wallet.address);
  });
  it("names the field that is wrong", () => {
    const d = decodePostOrder({ order: { salt: 1 }, owner: "k" });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatch(/^Invalid order payload: order\.\w+/);
    expect(decodePostOrder(null).ok).toBe(false);
  });
});

describe("verifyOrderSignature", () => {
  it("accepts client-signed orders on both exchanges and both chains", async () => {
    for (const negRisk of [false, true]) {
      for (const chain of [137, 80002]) {
        const b = decode(await signed({ side: Side.SELL, price: 0.42, size: 7.5, negRisk, chain }));
        expect(verifyOrderSignature(b.order, negRisk, [137, 80002])).toEqual({ ok: true, chainId: chain });
        // The other exchange's domain does not verify.
        expect(verifyOrderSignature(b.order, !negRisk, [137, 80002]).ok).toBe(false);
      }
    }
  });
  it("accepts a proxy-wallet order (maker = funder, signer = EOA)", async () => {
    const funder = fixedWallet(99).address;
    const b = decode(await signed({ side: Side.BUY, price: 0.3, size: 5, sigType: SignatureTypeV2.POLY_PROXY, funder }));
    expect(b.order.maker).toBe(funder);
    expect(b.order.signer).toBe(wallet.address);
    expect(verifyOrderSignature(b.order, false, [137]).ok).toBe(true);
  });
  it("refuses a tampered order and a garbage signature", async () => {
    const b = decode(await signed({ side: Side.BUY, price: 0.55, size: 10 }));
    expect(verifyOrderSignature({ ...b.order, makerAmount: b.order.makerAmount + 1n }, false, [137]).ok).toBe(false);
    expect(verifyOrderSignature({ ...b.order, signature: "0x1234" }, false, [137]).ok).toBe(false);
  });
  it("hashes to a stable 32-byte id that changes with the order", async () => {
    const b = decode(await signed({ side: Side.BUY, price: 0.55, size: 10 }));
    const h = orderHash(b.order, 137, false);
    expect(h).toMatch(/^0x[0-9a-f]{64}$/);
    expect(orderHash(b.order, 137, false)).toBe(h);
    expect(orderHash({ ...b.order, salt: b.order.salt + 1n }, 137, false)).not.toBe(h);
  });
});

describe("orderTerms", () => {
  it("reads price and size from client-built orders on each tick", async () => {
    const cases = [
      { side: Side.BUY, price: 0.55, size: 10.37, tick: "0.01" as const, pips: 5500 },
      { side: Side.SELL, price: 0.123, size: 12.5, tick: "0.001" as const, pips: 1230 },
      { side: Side.BUY, price: 0.999, size: 5, tick: "0.001" as const, pips: 9990 },
    ];
    for (const c of cases) {
      const b = decode(await signed(c));
      const r = orderTerms(b.order.side, b.order.makerAmount, b.order.takerAmount, c.tick === "0.01" ? 100 : 10);
      expect(r).toEqual({ ok: true, terms: { price: c.pips, size: Math.round(c.size * 1e6), notional: expect.any(Number) } });
    }
  });
  it("refuses prices off the tick grid or out of bounds with INVALID_ORDER_MIN_TICK_SIZE", () => {
    expect(orderTerms("BUY", 5_550_000n, 10_000_000n, 100)).toMatchObject({ ok: false, code: "INVALID_ORDER_MIN_TICK_SIZE" });
    expect(orderTerms("BUY", 1_000_001n, 3_000_000n, 100)).toMatchObject({ ok: false, code: "INVALID_ORDER_MIN_TICK_SIZE" });
    expect(orderTerms("SELL", 10_000_000n, 10_000_000n, 100)).toMatchObject({ ok: false, code: "INVALID_ORDER_MIN_TICK_SIZE" });
    expect(orderTerms("BUY", 0n, 10_000_000n, 100)).toMatchObject({ ok: false, code: "INVALID_ORDER_ERROR" });
  });
  it("property: any on-grid price and 2-decimal size round-trips exactly through amounts", () => {
    fc.assert(
      fc.property(fc.constantFrom(100, 10, 1, 50, 25), fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 10_000_000 }), fc.boolean(), (tick, k, cents, buy) => {
        const price = Math.min(Math.max(tick, k - (k % tick)), 10_000 - tick);
        const size = cents * 10_000; // 2-decimal shares in micro-shares
        const usdc = BigInt((price * size) / 10_000);
        const r = buy ? orderTerms("BUY", usdc, BigInt(size), tick) : orderTerms("SELL", BigInt(size), usdc, tick);
        expect(r).toEqual({ ok: true, terms: { price, size, notional: Number(usdc) } });
      }),
    );
  });
});
