// Cross-process control through the data dir: mm.pid marks a running mm; `mm kill`/`mm resume` drop request files it polls.
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface ControlPaths {
  pid: string;
  killRequest: string;
  killReply: string;
  resumeRequest: string;
  resumeReply: string;
}

export function controlPaths(dataDir: string): ControlPaths {
  return {
    pid: join(dataDir, "mm.pid"),
    killRequest: join(dataDir, "kill.request"),
    killReply: join(dataDir, "kill.reply"),
    resumeRequest: join(dataDir, "resume.request"),
    resumeReply: join(dataDir, "resume.reply"),
  };
}

export interface KillRequest {
  reason: string;
  ts: number;
}

export interface KillReply {
  state: string;
  openOrders: number;
  ts: number;
}

export interface ResumeRequest {
  force: boolean;
  ts: number;
}

export interface ResumeReply {
  ok: boolean;
  message: string;
  state: string;
  ts: number;
}

/** Writes JSON atomically (temp file, then rename) so a poller never reads half a file. */
export function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value) + "\n");
  renameSync(tmp, path);
}

/** Reads and removes a JSON file; null when it is absent or unreadable (a broken request is dropped). */
export function takeJson<T>(path: string): T | null {
  if (!existsSync(path)) return null;
  try {
    const text = readFileSync(path, "utf8");
    unlinkSync(path);
    return JSON.parse(text) as T;
  } catch {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of the mm running on this data dir, or null (a stale pid file of a dead process counts as none). */
export function runningPid(dataDir: string): number | null {
  const { pid } = controlPaths(dataDir);
  if (!existsSync(pid)) return null;
  const n = Number.parseInt(readFileSync(pid, "utf8").trim(), 10);
  return Number.isInteger(n) && n > 0 && n !== process.pid && alive(n) ? n : null;
}

/** Marks this process as the mm running on dataDir; returns the release function. Refuses a second one. */
export function claimDataDir(dataDir: string): () => void {
  const other = runningPid(dataDir);
  if (other !== null) throw new Error(`another mm (pid ${other}) is running on ${dataDir}; stop it, or use another --data-dir`);
  mkdirSync(dataDir, { recursive: true });
  const paths = controlPaths(dataDir);
  for (const stale of [paths.killRequest, paths.resumeRequest, paths.killReply, paths.resumeReply]) if (existsSync(stale)) unlinkSync(stale);
  writeJsonAtomic(paths.pid, process.pid);
  return () => {
    try {
      if (runningPid(dataDir) === null && readFileSync(paths.pid, "utf8").trim() === String(process.pid)) unlinkSync(paths.pid);
    } catch {
      // already gone
    }
  };
}

/** Polls `path` every `pollMs` (real time) until `take` returns a value or `timeoutMs` passes. */
export async function waitFor<T>(take: () => T | null, timeoutMs: number, pollMs = 50): Promise<T | null> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = take();
    if (v !== null) return v;
    if (Date.now() >= end) return null;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
