// The funder address Polymarket derives for a signer: its proxy wallet or its Safe (CREATE2 from Polymarket's factories on Polygon).
import { AbiCoder, getCreate2Address, keccak256, solidityPacked } from "ethers";
import type { SignatureKind } from "../../adapters/secrets/credentials.js";

// Factories: Polymarket/proxy-factories README (deployments). Init code hashes: the ones Polymarket's own clients
// (rs-clob-client, builder-relayer-client) use to derive the same addresses.
const PROXY_FACTORY = "0xaB45c5A4B0c941a2F231C04C3f49182e1A254052";
const PROXY_INIT_CODE_HASH = "0xd21df8dc65880a8606f09fe0ce3df9b8869287ab0b058be05aa9e8af6330a00b";
const SAFE_FACTORY = "0xaacFeEa03eb1561C4e67d661e40682Bd20E3541b";
const SAFE_INIT_CODE_HASH = "0x2bce2127ff07fb632d16c8347c4ebf501f4841168bed00d9e6ef715ddb6fcecf";

/** The address that should hold the funds for this signature type on Polygon (the signer itself for EOA). */
export function expectedFunder(kind: SignatureKind, signer: string): string {
  switch (kind) {
    case "EOA":
      return signer;
    case "POLY_PROXY":
      return getCreate2Address(PROXY_FACTORY, keccak256(solidityPacked(["address"], [signer])), PROXY_INIT_CODE_HASH);
    case "POLY_GNOSIS_SAFE":
      return getCreate2Address(SAFE_FACTORY, keccak256(AbiCoder.defaultAbiCoder().encode(["address"], [signer])), SAFE_INIT_CODE_HASH);
  }
}
