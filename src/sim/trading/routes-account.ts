// Account endpoints: POST /v1/heartbeats (the dead-man's switch) and GET /balance-allowance.
import { EXCHANGE_V2, NEG_RISK_EXCHANGE_V2 } from "./order-signature.js";
import { authed, errorResponse, ok } from "./http.js";
import { parseJson } from "./order-payload.js";
import { hasAllowance } from "./options.js";
import type { TradingState } from "./state.js";

/** The V2 contracts a funder approves; the sim grants them unlimited allowance (none to wallets in options.noAllowance). */
const NEG_RISK_ADAPTER = "0xd91E80cF2E7be2e162c6513ceD06f1dD0dA35296";
const MAX_UINT256 = (2n ** 256n - 1n).toString();

export function installAccountRoutes(state: TradingState): void {
  const r = state.ctx.router;
  const opts = { orderEndpoint: false };

  r.add("POST", "/v1/heartbeats", authed(state, (req, key) => {
    const body = parseJson(req.body) as { heartbeat_id?: unknown } | null | undefined;
    const id = body && typeof body === "object" ? body.heartbeat_id : undefined;
    if (typeof id !== "string") return errorResponse(400, 'Invalid payload: send {"heartbeat_id": ""} first, then the id each response returns');
    const beat = state.heartbeats.beat(key.apiKey, id, state.ctx.now());
    if (!beat.ok) return { status: 400, body: { error: beat.error, heartbeat_id: beat.heartbeatId } };
    return ok({ heartbeat_id: beat.heartbeatId, status: "ok" });
  }, opts));

  const balance = authed(state, (req, key) => {
    const type = req.query.get("asset_type");
    const granted = hasAllowance(state.options, key.address) ? MAX_UINT256 : "0";
    const allowances = { [EXCHANGE_V2]: granted, [NEG_RISK_EXCHANGE_V2]: granted, [NEG_RISK_ADAPTER]: granted };
    if (type === "COLLATERAL") return ok({ balance: String(state.accounts.collateral(key.apiKey).balance), allowances });
    if (type === "CONDITIONAL") {
      const token = req.query.get("token_id");
      if (!token) return errorResponse(400, "Invalid params: CONDITIONAL needs token_id");
      return ok({ balance: String(state.accounts.shares(key.apiKey, token).balance), allowances });
    }
    return errorResponse(400, "Invalid params: asset_type must be COLLATERAL or CONDITIONAL");
  }, opts);
  r.add("GET", "/balance-allowance", balance);
  r.add("GET", "/balance-allowance/update", balance);
}
