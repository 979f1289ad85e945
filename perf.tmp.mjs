import React from "react";
import { render } from "ink";
import { EventEmitter } from "node:events";
const { Dashboard } = await import("/work/main/dist/ui/Dashboard.js");
const { dashboardLayout } = await import("/work/main/dist/ui/layout.js");
const info = { conditionId: "0x1", question: "Will it?", slug: "s", description: "d", yesTokenId: "1", noTokenId: "2", outcomes: ["Yes","No"], tickSize: 100, minSize: 5e6, negRisk: false, endDate: null, rewards: null, takerFeeBps: 0, active: true, closed: false, acceptingOrders: true, volume24h: 1, volume: 1, liquidity: 1, bestBid: 5200, bestAsk: 5400 };
const lv = (p, s) => ({ price: p, size: s });
const snap = (i) => ({ ts: Date.now() + i, mode: "dry-run", source: "demo", markets: [{ info, bids: Array.from({length:10},(_,k)=>lv(5200-100*k, 1e8+i)), asks: Array.from({length:10},(_,k)=>lv(5400+100*k, 1e8)), bestBid: 5200, bestAsk: 5400, midpoint: 5300, spread: 200, synced: true, quotable: {ok:true, reason:null}, priceHistory: Array.from({length:200},(_,k)=>0.5+0.01*Math.sin(k)), lastTradePrice: 5300 }],
 feed: { state: "live", reason: null, msgsPerSec: 42, delayMs: 12, reconnects: 0, invalidFrames: 0, lastMessageAgeMs: 30, tokens: [] },
 risk: { state: "ACTIVE", reason: null, limits: [{name:"daily loss", used: 1, limit: 100, unit: "$"}] },
 pnl: { cash: 1e10, realized: 0, unrealized: 0, fees: 0, total: 0, equity: 1e10, rewardPerDay: 0, markouts: {s5:null,s30:null,s120:null} },
 positions: [], openOrders: [], fills: [], events: [], equityCurve: [1,2,3], paused: false, strategy: { halfSpreadTicks: 2, orderSize: 1e7 } });
class Out extends EventEmitter { isTTY = true; columns = +process.argv[2]; rows = +process.argv[3]; write() { return true; } }
const out = new Out();
const layout = dashboardLayout(out.columns, out.rows);
const el = (i) => React.createElement(Dashboard, { snapshot: snap(i), market: info, layout, overlay: {kind:"none"}, message: null, showDescription: false });
const app = render(el(0), { stdout: out, debug: true, patchConsole: false, exitOnCtrlC: false });
for (let i = 1; i < 5; i++) app.rerender(el(i));
const t = performance.now(); const c0 = process.cpuUsage();
const N = 40;
for (let i = 0; i < N; i++) app.rerender(el(i + 10));
{ const c = process.cpuUsage(c0); console.log(out.columns, out.rows, ((performance.now() - t) / N).toFixed(2), "ms wall,", ((c.user + c.system) / 1000 / N).toFixed(2), "ms cpu per rerender"); }
app.unmount();
