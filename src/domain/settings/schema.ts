// All of mm's settings: one zod schema per section, composed here (defaults live in config/default.json).
import { z } from "zod";
import { feedSettingsSchema } from "./feed.js";

export const settingsSchema = z.object({
  feed: feedSettingsSchema,
});

export type Settings = z.infer<typeof settingsSchema>;
