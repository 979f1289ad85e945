// The shape of state.json: the ledger-derived account plus what the ledger does not hold (marks, equity curve, drawdown, markouts).
import { z } from "zod";
import type { Drawdown, EquityPoint } from "../accounting/equity-curve.js";
import type { Marks } from "../accounting/valuation.js";
import type { MicroUsd } from "../units.js";
import { emptyLedgerState, type LedgerState } from "./ledger-state.js";

export const STATE_VERSION = 1;

export interface PersistedState extends LedgerState {
  version: typeof STATE_VERSION;
  /** Last marks seen per token, so `mm report` can value positions offline. */
  marks: Marks;
  /** Downsampled equity samples, oldest first. */
  equityCurve: EquityPoint[];
  drawdown: Drawdown;
  /** Markout sums and counts per horizon (+5 s, +30 s, +120 s), pips per share. */
  markouts: { sums: number[]; counts: number[] };
  /** Latest estimated liquidity reward, micro-dollars per day. */
  rewardPerDay: MicroUsd;
}

export function freshState(startingCash: MicroUsd): PersistedState {
  return {
    version: STATE_VERSION,
    ...emptyLedgerState(startingCash),
    marks: {},
    equityCurve: [],
    drawdown: { peak: startingCash, max: 0 },
    markouts: { sums: [0, 0, 0], counts: [0, 0, 0] },
    rewardPerDay: 0,
  };
}

const int = z.number().int();
const outcome = z.enum(["YES", "NO"]);

const positionSchema = z.object({ market: z.string(), tokenId: z.string(), outcome, shares: int, cost: int });
const orderSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  market: z.string(),
  tokenId: z.string(),
  outcome,
  side: z.enum(["BUY", "SELL"]),
  price: int,
  size: int,
  filled: int,
  queueAhead: int.nullable(),
  createdAt: z.number(),
});

/** Validates a parsed state.json; a file that fails is treated like one that does not parse (repair from the ledger). */
export const persistedStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  lastSeq: int.nonnegative(),
  portfolio: z.object({
    startingCash: int,
    cash: int,
    positions: z.record(z.string(), positionSchema),
    realized: int,
    fees: int,
    fills: int,
    volume: int,
  }),
  orders: z.record(z.string(), orderSchema),
  risk: z.object({ state: z.enum(["ACTIVE", "REDUCING", "HALTED"]), reason: z.string().nullable() }),
  marks: z.record(z.string(), z.object({ mid: z.number().nullable(), bid: int.nullable() })),
  equityCurve: z.array(z.object({ ts: z.number(), equity: int })),
  drawdown: z.object({ peak: int, max: int }),
  markouts: z.object({ sums: z.array(z.number()), counts: z.array(int) }),
  rewardPerDay: int,
}) satisfies z.ZodType<PersistedState>;
