// Pure helpers over the machine's token table: which tokens are pending, synced or resolved.
import type { TokenState } from "./machine-types.js";

export type TokenTable = ReadonlyMap<string, TokenState>;

/** Tokens that still have a book on the exchange (not resolved). */
export function activeTokens(tokens: TokenTable): string[] {
  const out: string[] = [];
  for (const [id, t] of tokens) if (t.sync !== "resolved") out.push(id);
  return out;
}

export function syncedTokens(tokens: TokenTable): string[] {
  const out: string[] = [];
  for (const [id, t] of tokens) if (t.sync === "synced") out.push(id);
  return out;
}

export function allSynced(tokens: TokenTable): boolean {
  for (const t of tokens.values()) if (t.sync === "unsynced") return false;
  return true;
}

export function allResolved(tokens: TokenTable): boolean {
  if (tokens.size === 0) return false;
  for (const t of tokens.values()) if (t.sync !== "resolved") return false;
  return true;
}

/** Every active token becomes unsynced, its snapshot requested at `requestedAt` (null: not yet requested). */
export function unsyncAll(tokens: TokenTable, requestedAt: number | null): Map<string, TokenState> {
  const out = new Map<string, TokenState>();
  for (const [id, t] of tokens) out.set(id, t.sync === "resolved" ? t : { sync: "unsynced", requestedAt });
  return out;
}

export function withToken(tokens: TokenTable, id: string, state: TokenState): Map<string, TokenState> {
  const out = new Map(tokens);
  out.set(id, state);
  return out;
}

/** Unsynced tokens whose snapshot was requested at or before `deadline` (or never requested). */
export function overdueTokens(tokens: TokenTable, deadline: number): string[] {
  const out: string[] = [];
  for (const [id, t] of tokens) if (t.sync === "unsynced" && (t.requestedAt === null || t.requestedAt <= deadline)) out.push(id);
  return out;
}
