// API key endpoints: create and derive with L1 auth (same creds for the same address and nonce), list with L2.
import { errorResponse, authed, ok } from "./http.js";
import { verifyL1 } from "./l1-auth.js";
import type { TradingState } from "./state.js";

export function installAuthRoutes(state: TradingState): void {
  const issue = (headers: Parameters<typeof verifyL1>[0]) => {
    const l1 = verifyL1(headers, state.options.chainIds);
    if (!l1.ok) return errorResponse(401, l1.error);
    const rec = state.keys.issue(l1.address, l1.nonce);
    return ok({ apiKey: rec.apiKey, secret: rec.secret, passphrase: rec.passphrase });
  };
  state.ctx.router.add("POST", "/auth/api-key", (req) => issue(req.headers));
  state.ctx.router.add("GET", "/auth/derive-api-key", (req) => issue(req.headers));
  state.ctx.router.add("GET", "/auth/api-keys", authed(state, (_req, key) => ok({ apiKeys: [key.apiKey] }), { orderEndpoint: false }));
  state.ctx.router.add("GET", "/auth/ban-status/closed-only", authed(state, () => ok({ closed_only: false }), { orderEndpoint: false }));
}
