// Reads Polymarket's POLY_* auth headers from a request (Node lower-cases header names).
import type { IncomingHttpHeaders } from "node:http";

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  if (Array.isArray(v)) return v[0];
  return v;
}
