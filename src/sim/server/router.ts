// A small HTTP router: method + path patterns with `:name` segments, as the trading side registers its routes.
import type { SimHandler, SimRouter } from "../context.js";

interface Route {
  method: string;
  parts: string[];
  handler: SimHandler;
}

export type RouteMatch = { handler: SimHandler; params: Record<string, string> };

export class Router implements SimRouter {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: SimHandler): void {
    this.routes.push({ method: method.toUpperCase(), parts: pattern.split("/").filter(Boolean), handler });
  }

  /** The handler for a request, or "no-route" / "bad-method" (then answer 404 / 405). */
  match(method: string, path: string): RouteMatch | "no-route" | "bad-method" {
    const parts = path.split("/").filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchParts(route.parts, parts);
      if (!params) continue;
      if (route.method === method.toUpperCase()) return { handler: route.handler, params };
      pathMatched = true;
    }
    return pathMatched ? "bad-method" : "no-route";
  }
}

function matchParts(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(":")) params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
    else if (pattern[i] !== parts[i]) return null;
  }
  return params;
}
