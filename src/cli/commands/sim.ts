// `mm sim`: runs the embedded exchange on loopback, prints its URLs as one JSON line, and serves until SIGINT/SIGTERM.
import type { CommandModule } from "yargs";
import { EXCHANGE_DEFAULTS } from "../../sim/exchange-defaults.js";

export interface SimArgs {
  host: string;
  port: number;
  seed: number;
  markets: number;
  rate: number;
  replay?: string;
  speed: number;
  informedShare: number;
}

export const simCommand: CommandModule<object, SimArgs> = {
  command: "sim",
  describe: "Run the embedded exchange (Gamma, CLOB REST, market and user WebSockets) on loopback",
  builder: (y) =>
    y
      .option("host", { type: "string", default: EXCHANGE_DEFAULTS.host, describe: "Address to listen on" })
      .option("port", { type: "number", default: EXCHANGE_DEFAULTS.port, describe: "Port (0 picks a free one)" })
      .option("seed", { type: "number", default: EXCHANGE_DEFAULTS.seed, describe: "Seed: the same seed gives the same markets and flow" })
      .option("markets", { type: "number", default: EXCHANGE_DEFAULTS.markets, describe: "Number of demo markets" })
      .option("rate", { type: "number", default: EXCHANGE_DEFAULTS.rate, describe: "Market messages per second, all markets together" })
      .option("replay", { type: "string", describe: "Serve this recording over the market WebSocket instead of synthetic flow" })
      .option("speed", { type: "number", default: EXCHANGE_DEFAULTS.speed, describe: "Replay speed: 1 real time, 0 as fast as possible" })
      .option("informed-share", { type: "number", default: EXCHANGE_DEFAULTS.informedShare, describe: "Share of takers that are informed (0..1): they trade ahead of the makers on the fair value" }) as never,
  handler: async (args) => (await import("../sim/sim-handler.js")).handleSim(args),
};
