// The heartbeat dead-man's switch: once a key has sent one, a gap longer than the timeout cancels all its orders.
import { createHash } from "node:crypto";

export type BeatResult = { ok: true; heartbeatId: string } | { ok: false; error: string; heartbeatId: string };

interface Session {
  id: string;
  deadline: number;
  count: number;
}

export class Heartbeats {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly timeoutMs: number) {}

  /**
   * A heartbeat from `key`: "" starts (or restarts) a session; afterwards the id returned last must be sent.
   * Each accepted beat returns a fresh id and pushes the deadline to now + timeout.
   */
  beat(key: string, heartbeatId: string, now: number): BeatResult {
    const s = this.sessions.get(key);
    if (heartbeatId !== "" && (!s || s.id !== heartbeatId)) {
      return { ok: false, error: `Invalid heartbeat id: send the heartbeat_id of the last response, or "" to start again`, heartbeatId: s?.id ?? "" };
    }
    const count = (s?.count ?? 0) + 1;
    const id = newId(key, now, count);
    this.sessions.set(key, { id, deadline: now + this.timeoutMs, count });
    return { ok: true, heartbeatId: id };
  }

  /** Keys whose deadline has passed; their sessions end (a new one starts with ""). */
  expire(now: number): string[] {
    const out: string[] = [];
    for (const [key, s] of this.sessions) {
      if (now > s.deadline) {
        out.push(key);
        this.sessions.delete(key);
      }
    }
    return out;
  }

  active(key: string): boolean {
    return this.sessions.has(key);
  }
}

function newId(key: string, now: number, count: number): string {
  const h = createHash("sha256").update(`${key}:${now}:${count}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
