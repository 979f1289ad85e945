// What `mm sim` does: checks the flags, starts the embedded exchange, prints its URLs as one JSON line and serves until SIGINT/SIGTERM.
import { startExchange } from "../../sim/exchange.js";
import type { SimArgs } from "../commands/sim.js";
import { UserError } from "../errors.js";
import { untilSignal } from "../until-signal.js";

function check(ok: boolean, message: string): void {
  if (!ok) throw new UserError(message, 2);
}

export async function handleSim(args: SimArgs): Promise<void> {
  check(Number.isInteger(args.port) && args.port >= 0 && args.port <= 65535, `--port ${args.port}: use an integer 0..65535 (0 picks a free port)`);
  check(Number.isInteger(args.seed), `--seed ${args.seed}: use an integer`);
  check(Number.isInteger(args.markets) && args.markets >= 1 && args.markets <= 1000, `--markets ${args.markets}: use an integer 1..1000`);
  check(Number.isFinite(args.rate) && args.rate >= 0 && args.rate <= 1_000_000, `--rate ${args.rate}: use a number of messages per second, 0..1000000`);
  check(Number.isFinite(args.speed) && args.speed >= 0, `--speed ${args.speed}: use 0 (as fast as possible) or a positive factor (1 = real time)`);
  check(Number.isFinite(args.informedShare) && args.informedShare >= 0 && args.informedShare <= 1, `--informed-share ${args.informedShare}: use a share between 0 and 1 (0: no informed takers, so no adverse selection)`);
  let exchange;
  try {
    exchange = await startExchange({ host: args.host, port: args.port, seed: args.seed, markets: args.markets, rate: args.rate, replay: args.replay, speed: args.speed, informedShare: args.informedShare });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === "EADDRINUSE") throw new UserError(`port ${args.port} on ${args.host} is in use; pick another --port or 0 for a free one`);
    if (e.code === "EADDRNOTAVAIL") throw new UserError(`cannot listen on ${args.host}: not an address of this machine; use --host 127.0.0.1`);
    throw new UserError(e.message);
  }
  process.stdout.write(JSON.stringify(exchange.urls) + "\n");
  await untilSignal();
  await exchange.close();
}
