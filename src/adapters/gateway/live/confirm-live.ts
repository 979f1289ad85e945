// The typed confirmation before the dashboard trades real money: the user types the market's short name (its slug).
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { MarketInfo } from "../../../domain/market.js";

/** Asks once; true only when the answer is exactly the market's slug. */
export function confirmLive(market: MarketInfo, o: { clob: string; maxNotionalUsd: number; input: Readable; output: Writable }): Promise<boolean> {
  const rl = createInterface({ input: o.input, output: o.output, terminal: false });
  o.output.write(
    `\nLIVE TRADING: real orders on "${market.question}" through ${o.clob}, at most $${o.maxNotionalUsd} resting (live.maxNotionalUsd).\n` +
      `Type the market's short name to start (${market.slug}), anything else to cancel: `,
  );
  return new Promise((resolve) => {
    let answered = false;
    rl.once("line", (line) => {
      answered = true;
      rl.close();
      resolve(line.trim() === market.slug);
    });
    rl.once("close", () => {
      if (!answered) resolve(false);
    });
  });
}
