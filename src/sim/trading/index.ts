// The exchange's trading side: auth, order endpoints, heartbeats and the user channel (filled in by its own issue).
import type { SimContext } from "../context.js";

export function installTrading(_ctx: SimContext): void {}
