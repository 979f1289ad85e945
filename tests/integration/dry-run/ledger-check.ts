// Test helper: what a ledger's fill lines imply for cash and shares, computed with BigInt apart from the replay code.
/** Cash and shares computed straight from the ledger's text, independently of the replay code. */
export function fromLedgerText(text: string): { cash: bigint; shares: Record<string, bigint> } {
  const micro = (s: string, decimals: number): bigint => {
    const [i, f = ""] = s.replace("-", "").split(".");
    const v = BigInt(i + f.padEnd(decimals, "0"));
    return s.startsWith("-") ? -v : v;
  };
  let cash = 0n;
  const shares: Record<string, bigint> = {};
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    let e: Record<string, string>;
    try {
      e = JSON.parse(line);
    } catch {
      continue; // a torn last line
    }
    if (e.type === "account_opened") cash = micro(e.cash, 6);
    if (e.type !== "fill") continue;
    const size = micro(e.size, 6);
    const value = micro(e.price, 4) * size;
    // value is in 1e-10 dollars; round half away from zero to micro-dollars like the account does
    const valueMicro = (value + 5000n) / 10_000n;
    cash += (e.side === "BUY" ? -valueMicro : valueMicro) - micro(e.fee, 6);
    shares[e.token] = (shares[e.token] ?? 0n) + (e.side === "BUY" ? size : -size);
  }
  return { cash, shares };
}
