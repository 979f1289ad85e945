// EIP-712 for CLOB V2 orders: the domain and struct @polymarket/clob-client-v2 signs, the order hash, and signer recovery.
import { TypedDataEncoder, verifyTypedData } from "ethers";
import type { SignedOrderV2 } from "./order-payload.js";

/** V2 exchange contracts (the same on Polygon and Amoy in the official client's config). */
export const EXCHANGE_V2 = "0xE111180000d2663C0091e4f400237545B87B996B";
export const NEG_RISK_EXCHANGE_V2 = "0xe2222d279d744050d28e00520010520000310F59";

export const ORDER_V2_TYPES = {
  Order: [
    { name: "salt", type: "uint256" },
    { name: "maker", type: "address" },
    { name: "signer", type: "address" },
    { name: "tokenId", type: "uint256" },
    { name: "makerAmount", type: "uint256" },
    { name: "takerAmount", type: "uint256" },
    { name: "side", type: "uint8" },
    { name: "signatureType", type: "uint8" },
    { name: "timestamp", type: "uint256" },
    { name: "metadata", type: "bytes32" },
    { name: "builder", type: "bytes32" },
  ],
};

export function orderDomain(chainId: number, negRisk: boolean) {
  return {
    name: "Polymarket CTF Exchange",
    version: "2",
    chainId,
    verifyingContract: negRisk ? NEG_RISK_EXCHANGE_V2 : EXCHANGE_V2,
  };
}

export function orderMessage(o: SignedOrderV2) {
  return {
    salt: o.salt,
    maker: o.maker,
    signer: o.signer,
    tokenId: BigInt(o.tokenId),
    makerAmount: o.makerAmount,
    takerAmount: o.takerAmount,
    side: o.side === "BUY" ? 0 : 1,
    signatureType: o.signatureType,
    timestamp: o.timestamp,
    metadata: o.metadata,
    builder: o.builder,
  };
}

/** The order's EIP-712 hash: Polymarket's order id. */
export function orderHash(o: SignedOrderV2, chainId: number, negRisk: boolean): string {
  return TypedDataEncoder.hash(orderDomain(chainId, negRisk), ORDER_V2_TYPES, orderMessage(o));
}

export type SignatureCheck = { ok: true; chainId: number } | { ok: false; error: string };

/** Checks that `order.signature` was made by `order.signer` over the V2 struct on one of the accepted chains. */
export function verifyOrderSignature(o: SignedOrderV2, negRisk: boolean, chainIds: readonly number[]): SignatureCheck {
  const message = orderMessage(o);
  for (const chainId of chainIds) {
    let recovered: string;
    try {
      recovered = verifyTypedData(orderDomain(chainId, negRisk), ORDER_V2_TYPES, message, o.signature);
    } catch {
      return { ok: false, error: "invalid signature: not a valid 65-byte ECDSA signature" };
    }
    if (recovered.toLowerCase() === o.signer.toLowerCase()) return { ok: true, chainId };
  }
  return { ok: false, error: "invalid signature: the order was not signed by its signer" };
}
