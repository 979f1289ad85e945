// Test helper: an ethers v6 wallet wrapped as the signer @polymarket/clob-client-v2 expects.
import { Wallet } from "ethers";

export function signerOf(wallet: Wallet | ReturnType<typeof Wallet.createRandom>) {
  return {
    _signTypedData: (d: never, t: never, v: never) => wallet.signTypedData(d, t, v),
    getAddress: async () => wallet.address,
  };
}

/** A fixed wallet so tests are reproducible. */
export const fixedWallet = (n: number): Wallet => new Wallet("0x" + String(n).padStart(64, "0").replace(/^0/, "1"));
