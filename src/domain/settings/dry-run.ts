// Dry-run simulator settings: order latencies, the queue model, and the paper account's starting balance (config "dryRun").
import { z } from "zod";

export const dryRunSettingsSchema = z.object({
  /** Time from place() until the order is live at the simulated exchange. */
  entryLatencyMs: z.number().int().min(0).max(60_000),
  /** Time from cancel() until the order is gone (fills can still land in between). */
  cancelLatencyMs: z.number().int().min(0).max(60_000),
  /** How a level shrinking without a trade moves us up: "risk-averse" (queue ahead = min(ahead, new size)) or "probabilistic". */
  queueModel: z.enum(["risk-averse", "probabilistic"]),
  /** Power-law exponent of the probabilistic model (higher: cancels come more from the back). */
  queueExponent: z.number().min(0).max(10),
  /** Paper account starting cash in dollars. */
  startingBalance: z.number().positive().max(1e9),
  /** state.json is written at most this often (fills and risk changes are written at once). */
  stateWriteMs: z.number().int().min(10).max(60_000),
  /** Equity samples kept in state.json (older ones are thinned). */
  equityCurvePoints: z.number().int().min(10).max(100_000),
});

export type DryRunSettings = z.infer<typeof dryRunSettingsSchema>;
