// The loopback-only admin endpoint: POST /_admin/<fault> with a JSON body, mirroring the in-process FaultAdmin.
import type { SimResponse } from "../context.js";
import type { FaultAdmin } from "../faults/fault-admin.js";
import type { Router } from "./router.js";

export interface AdminExtras {
  resolveMarket(ref: string, outcome: "YES" | "NO"): void;
  addMarket(): { conditionId: string };
}

type Body = Record<string, unknown>;

class BadParam extends Error {}

function num(body: Body, key: string, min = 0): number {
  const v = body[key];
  if (typeof v !== "number" || !Number.isFinite(v) || v < min) throw new BadParam(`"${key}" must be a number >= ${min}, got ${JSON.stringify(v)}`);
  return v;
}

function str(body: Body, key: string): string {
  const v = body[key];
  if (typeof v !== "string" || v === "") throw new BadParam(`"${key}" must be a non-empty string, got ${JSON.stringify(v)}`);
  return v;
}

function oneOf<T extends string | number>(body: Body, key: string, allowed: readonly T[]): T {
  const v = body[key] as T;
  if (!allowed.includes(v)) throw new BadParam(`"${key}" must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
  return v;
}

export function installAdminRoutes(router: Router, admin: FaultAdmin, extras: AdminExtras): void {
  const actions: Record<string, (body: Body) => unknown> = {
    "drop-all": () => admin.dropAll(),
    "close-all": (b) => admin.closeAll(oneOf(b, "code", [1000, 1013] as const)),
    "refuse-connections": (b) => admin.refuseConnections(num(b, "ms")),
    stall: (b) => admin.stall(num(b, "ms")),
    garbage: (b) => admin.garbage(num(b, "n", 1)),
    duplicate: (b) => admin.duplicate(num(b, "n", 1)),
    "corrupt-hash": (b) => admin.corruptHash(num(b, "n", 1)),
    "skip-delta": (b) => admin.skipDelta(num(b, "n", 1)),
    "tick-size-change": (b) => admin.tickSizeChange(str(b, "market")),
    slow: (b) => admin.slow(num(b, "delayMs"), num(b, "durationMs")),
    "http-error": (b) => admin.httpError(oneOf(b, "status", [425, 429, 500] as const), num(b, "ms")),
    clear: () => admin.clear(),
    "resolve-market": (b) => extras.resolveMarket(str(b, "market"), oneOf(b, "outcome", ["YES", "NO"] as const)),
    "add-market": () => extras.addMarket(),
  };
  router.add("POST", "/:action", (req): SimResponse => {
    const action = actions[req.params.action];
    if (!action) return { status: 404, body: { error: `unknown admin action ${req.params.action}; one of: ${Object.keys(actions).join(", ")}` } };
    let body: Body;
    try {
      const parsed: unknown = req.body ? JSON.parse(req.body) : {};
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new BadParam("the body must be a JSON object");
      body = parsed as Body;
    } catch (err) {
      return { status: 400, body: { error: err instanceof BadParam ? err.message : "the body is not valid JSON" } };
    }
    try {
      return { status: 200, body: { ok: true, result: action(body) ?? null } };
    } catch (err) {
      return { status: 400, body: { error: (err as Error).message } };
    }
  });
}
