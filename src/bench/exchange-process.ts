// Child-process entry for the loopback and memory benchmarks: the embedded exchange on 127.0.0.1 with synthetic flow, on a core (and RSS) of its own.
import { startExchange } from "../sim/exchange.js";

export interface ExchangeProcessOptions {
  rate: number;
  markets: number;
  seed: number;
}

/** Sent to the parent once listening, then once closed (with the frames it published). */
export type ExchangeProcessMessage = { type: "ready"; urls: { gamma: string; clob: string; ws: string } } | { type: "closed"; frames: number };

const send = process.send?.bind(process);
if (send === undefined) throw new Error("exchange-process.js runs as a child process with IPC (the loopback benchmark forks it)");
const options = JSON.parse(process.argv[2] ?? "{}") as ExchangeProcessOptions;
const exchange = await startExchange({ host: "127.0.0.1", port: 0, rate: options.rate, markets: options.markets, seed: options.seed });
send({ type: "ready", urls: exchange.urls } satisfies ExchangeProcessMessage);
process.once("message", () => {
  const frames = exchange.stats().frames;
  void exchange.close().then(() => send({ type: "closed", frames } satisfies ExchangeProcessMessage, () => process.exit(0)));
});
// The parent went away: do not linger.
process.once("disconnect", () => process.exit(0));
