// All of mm's settings: one zod schema per section, composed here (defaults live in config/default.json).
import { z } from "zod";
import { feedSettingsSchema } from "./feed.js";
import { liveSettingsSchema } from "./live.js";
import { strategySettingsSchema } from "./strategy.js";
import { riskSettingsSchema } from "./risk.js";
import { ordersSettingsSchema } from "./orders.js";
import { dryRunSettingsSchema } from "./dry-run.js";

export const settingsSchema = z.object({
  feed: feedSettingsSchema,
  live: liveSettingsSchema,
  strategy: strategySettingsSchema,
  risk: riskSettingsSchema,
  orders: ordersSettingsSchema,
  dryRun: dryRunSettingsSchema,
});

export type Settings = z.infer<typeof settingsSchema>;
