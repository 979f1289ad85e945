// Feed settings: keepalive, staleness and reconnect timing (owned by the feed; see config/default.json "feed").
import { z } from "zod";

export const feedSettingsSchema = z.object({
  pingMs: z.number().int().min(1000).max(60_000),
  pongTimeoutMs: z.number().int().min(500).max(60_000),
  staleMs: z.number().int().min(1000).max(600_000),
  quietMs: z.number().int().min(1000).max(3_600_000),
  backoffBaseMs: z.number().int().min(10).max(60_000),
  backoffMaxMs: z.number().int().min(100).max(600_000),
});

export type FeedSettings = z.infer<typeof feedSettingsSchema>;
