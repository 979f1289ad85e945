// Child process for the crash test: opens the built store in DIR and records fast random order flow until it is killed.
import { openFileStore } from "../../../dist/adapters/store/file-store.js";
import { systemClock } from "../../../dist/adapters/clock/system-clock.js";

const [dir, seedText] = process.argv.slice(2);
let seed = Number(seedText) >>> 0 || 1;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const logger = { debug() {}, info() {}, warn() {}, error() {} };
const store = await openFileStore({ dataDir: dir, clock: systemClock(), logger, startingCash: 10_000_000_000, stateWriteMs: 5, equityCurvePoints: 50 });
process.stdout.write("ready\n");
const tokens = [["yes", "YES"], ["no", "NO"]];
let n = 0;
for (;;) {
  for (let k = 0; k < 20; k++) {
    n++;
    const [token, outcome] = tokens[Math.floor(rand() * 2)];
    const held = store.state().portfolio.positions[token]?.shares ?? 0;
    const side = held > 0 && rand() < 0.45 ? "SELL" : "BUY";
    const size = side === "SELL" ? Math.min(held, Math.ceil(rand() * 50) * 10_000) : Math.ceil(rand() * 3000) * 10_000;
    const price = 100 + Math.floor(rand() * 98) * 100;
    const id = `${seedText}-${n}`;
    const order = { id, clientId: `c${id}`, market: "m", tokenId: token, outcome, side, price, size, filled: 0, queueAhead: size, createdAt: 0 };
    store.recordGatewayEvent({ type: "acknowledged", order, ts: 0 });
    store.noteOrders([{ ...order, queueAhead: Math.floor(size / 2) }]);
    if (rand() < 0.7) {
      const fee = rand() < 0.3 ? Math.floor(rand() * 20_000) : 0;
      store.recordGatewayEvent({ type: "fill", fill: { id: `${id}-f1`, orderId: id, market: "m", tokenId: token, outcome, side, price, size, fee, liquidity: fee > 0 ? "taker" : "maker", ts: 0, status: "CONFIRMED" }, ts: 0 });
    } else {
      store.recordGatewayEvent({ type: "cancelled", id, clientId: `c${id}`, reason: "requote", ts: 0 });
    }
    if (rand() < 0.05) store.recordRisk({ state: rand() < 0.5 ? "ACTIVE" : "REDUCING", reason: "test" });
    store.updateMark(token, { mid: price, bid: price - 50 }, Date.now());
    store.sampleEquity(Date.now());
  }
  await new Promise((r) => setImmediate(r));
}
