// Feed settings: keepalive, staleness, reconnect timing and REST fallback (owned by the feed; see config/default.json "feed").
import { z } from "zod";

export const feedSettingsSchema = z
  .object({
    /** Send the text PING this often. */
    pingMs: z.number().int().min(50).max(60_000),
    /** No PONG this long after a PING: close and reconnect. */
    pongTimeoutMs: z.number().int().min(50).max(60_000),
    /** No frame and no PONG on a connection this long: the connection is stale. */
    staleMs: z.number().int().min(100).max(600_000),
    /** A token quiet this long gets its book spot-checked against REST /book. */
    quietMs: z.number().int().min(100).max(3_600_000),
    /** Reconnect backoff: full jitter over min(max, base * 2^attempt). */
    backoffBaseMs: z.number().int().min(10).max(60_000),
    backoffMaxMs: z.number().int().min(100).max(600_000),
    /** A connection up this long resets the backoff attempt count. */
    stableResetMs: z.number().int().min(100).max(3_600_000),
    /** Give up on a connect attempt after this long. */
    connectTimeoutMs: z.number().int().min(100).max(120_000),
    /** While the socket is down this long, books are refreshed from REST /books (source "rest"). */
    restFallbackAfterMs: z.number().int().min(100).max(600_000),
    /** How often the REST fallback refreshes the books. */
    restPollMs: z.number().int().min(100).max(600_000),
    /** Whether quoting may continue on a REST-fed book. */
    quoteOnRestBook: z.boolean(),
    /** Tokens per WebSocket connection (Polymarket: ~200 at most). */
    maxTokensPerConnection: z.number().int().min(1).max(500),
  })
  .refine((s) => s.staleMs > s.pingMs, {
    message: "staleMs must be greater than pingMs (a quiet but healthy connection hears only PONGs, once per ping)",
    path: ["staleMs"],
  })
  .refine((s) => s.backoffMaxMs >= s.backoffBaseMs, { message: "backoffMaxMs must be at least backoffBaseMs", path: ["backoffMaxMs"] });

export type FeedSettings = z.infer<typeof feedSettingsSchema>;
