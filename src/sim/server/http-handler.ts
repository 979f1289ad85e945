// Serves HTTP requests from routers mounted under path prefixes (Gamma under /gamma, admin under /_admin, the CLOB at the root).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimRequest, SimResponse } from "../context.js";
import type { Router } from "./router.js";

export interface Mount {
  /** "" for the root; else a prefix like "/gamma" that is stripped before routing. */
  prefix: string;
  router: Router;
  /** Refuses a request before routing (e.g. the admin endpoint from a non-loopback address). */
  guard?: (req: IncomingMessage) => SimResponse | null;
}

const MAX_BODY = 1 << 20;

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

export function createHttpHandler(mounts: Mount[]): (req: IncomingMessage, res: ServerResponse) => void {
  const ordered = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  return (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY) return reply(res, { status: 413, body: { error: `request body over ${MAX_BODY} bytes` } });
      void serve(ordered, req, Buffer.concat(chunks).toString("utf8")).then((out) => reply(res, out));
    });
  };
}

async function serve(mounts: Mount[], req: IncomingMessage, body: string): Promise<SimResponse> {
  const url = new URL(req.url ?? "/", "http://sim.local");
  const method = req.method ?? "GET";
  const mount = mounts.find((m) => m.prefix === "" || url.pathname === m.prefix || url.pathname.startsWith(m.prefix + "/"));
  if (!mount) return { status: 404, body: { error: `not found: ${method} ${url.pathname}` } };
  const refused = mount.guard?.(req);
  if (refused) return refused;
  const path = url.pathname.slice(mount.prefix.length) || "/";
  const found = mount.router.match(method, path);
  if (found === "no-route") return { status: 404, body: { error: `not found: ${method} ${url.pathname}` } };
  if (found === "bad-method") return { status: 405, body: { error: `method ${method} not allowed on ${url.pathname}` } };
  const simReq: SimRequest = {
    method,
    path,
    url: path + url.search,
    query: url.searchParams,
    params: found.params,
    headers: req.headers,
    body,
  };
  try {
    return await found.handler(simReq);
  } catch (err) {
    return { status: 500, body: { error: `internal error: ${(err as Error).message}` } };
  }
}

function reply(res: ServerResponse, out: SimResponse): void {
  const text = JSON.stringify(out.body ?? null);
  res.writeHead(out.status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...out.headers });
  res.end(text);
}
