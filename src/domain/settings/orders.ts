// Order-manager settings: requote tolerances, order age, requote interval, rate limit, batch size (config/default.json "orders").
import { z } from "zod";

export const ordersSettingsSchema = z.object({
  /** Keep a resting order at the right price whose remaining size is within this fraction of the desired size. */
  sizeTolerance: z.number().min(0).max(1),
  /** Replace orders older than this (0: never). */
  maxOrderAgeMs: z.number().int().min(0).max(86_400_000),
  /** At most one requote per market per this interval (pulling quotes is never delayed). */
  minRequoteIntervalMs: z.number().int().min(0).max(600_000),
  /** New orders per minute, all markets together. */
  maxOrdersPerMinute: z.number().int().min(1).max(100_000),
  /** Orders per place or cancel call (the CLOB takes at most 15). */
  batchSize: z.number().int().min(1).max(15),
});

export type OrdersSettings = z.infer<typeof ordersSettingsSchema>;
