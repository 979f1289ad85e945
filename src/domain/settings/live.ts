// Live-trading settings: the notional cap, heartbeats, retries and backoff, unknown-order policy (see config/default.json "live").
import { z } from "zod";

export const liveSettingsSchema = z.object({
  /** Most dollars that may rest in open orders at once (price x size, summed). Small on purpose: raise it deliberately. */
  maxNotionalUsd: z.number().positive().max(1_000_000),
  /** Adopt orders found on the exchange that this mm did not place, instead of cancelling them. */
  adoptUnknownOrders: z.boolean(),
  /** Dead-man's switch: one heartbeat every heartbeatMs (the exchange cancels everything ~10 s after the last one). */
  heartbeatMs: z.number().int().min(500).max(8_000),
  /** A request that takes longer counts as a timeout. */
  requestTimeoutMs: z.number().int().min(500).max(60_000),
  /** Retries of an idempotent request after a 5xx or a timeout, before it counts as an error. */
  maxRetries: z.number().int().min(0).max(10),
  backoffBaseMs: z.number().int().min(10).max(60_000),
  backoffMaxMs: z.number().int().min(100).max(600_000),
  /** After HTTP 425 (matching engine restarting), how long only post-only orders are sent. */
  postOnlyWindowMs: z.number().int().min(0).max(600_000),
  /** Orders are GTC, or GTD expiring this many seconds after placement (0 = GTC). */
  gtdSeconds: z.number().int().min(0).max(86_400),
  /** Polygon mainnet (137) or the Amoy testnet (80002). */
  chainId: z.union([z.literal(137), z.literal(80002)]),
});

export type LiveSettings = z.infer<typeof liveSettingsSchema>;
