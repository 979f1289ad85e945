// L1 auth as Polymarket does it: an EIP-712 ClobAuth signature by the wallet over (address, timestamp, nonce, message).
import type { IncomingHttpHeaders } from "node:http";
import { getAddress, verifyTypedData } from "ethers";
import { header } from "./headers.js";

export const CLOB_AUTH_MESSAGE = "This message attests that I control the given wallet";

export const CLOB_AUTH_TYPES = {
  ClobAuth: [
    { name: "address", type: "address" },
    { name: "timestamp", type: "string" },
    { name: "nonce", type: "uint256" },
    { name: "message", type: "string" },
  ],
};

export const clobAuthDomain = (chainId: number) => ({ name: "ClobAuthDomain", version: "1", chainId });

export type L1Result = { ok: true; address: string; nonce: number } | { ok: false; error: string };

const INVALID = "Invalid L1 Request headers";

/** Verifies POLY_ADDRESS, POLY_SIGNATURE, POLY_TIMESTAMP and POLY_NONCE against any of the accepted chains. */
export function verifyL1(headers: IncomingHttpHeaders, chainIds: readonly number[]): L1Result {
  const address = header(headers, "POLY_ADDRESS");
  const signature = header(headers, "POLY_SIGNATURE");
  const timestamp = header(headers, "POLY_TIMESTAMP");
  const nonceText = header(headers, "POLY_NONCE") ?? "0";
  if (!address || !signature || !timestamp) {
    return { ok: false, error: `${INVALID}: POLY_ADDRESS, POLY_SIGNATURE and POLY_TIMESTAMP are required` };
  }
  if (!/^\d+$/.test(timestamp)) return { ok: false, error: `${INVALID}: POLY_TIMESTAMP must be unix seconds` };
  if (!/^\d{1,15}$/.test(nonceText)) return { ok: false, error: `${INVALID}: POLY_NONCE must be a non-negative integer` };
  let checksummed: string;
  try {
    checksummed = getAddress(address);
  } catch {
    return { ok: false, error: `${INVALID}: POLY_ADDRESS is not an address` };
  }
  const nonce = Number(nonceText);
  const value = { address: checksummed, timestamp, nonce, message: CLOB_AUTH_MESSAGE };
  for (const chainId of chainIds) {
    let recovered: string;
    try {
      recovered = verifyTypedData(clobAuthDomain(chainId), CLOB_AUTH_TYPES, value, signature);
    } catch {
      return { ok: false, error: `${INVALID}: POLY_SIGNATURE is not a valid signature` };
    }
    if (recovered === checksummed) return { ok: true, address: checksummed, nonce };
  }
  return { ok: false, error: `${INVALID}: the signature was not made by POLY_ADDRESS` };
}
