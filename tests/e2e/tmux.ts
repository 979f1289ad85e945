// Drives a real terminal for end-to-end tests: a private tmux server, send-keys to type, capture-pane to read the screen.
import { execFileSync, spawnSync } from "node:child_process";

export const hasTmux = spawnSync("tmux", ["-V"], { stdio: "ignore" }).status === 0;

export interface Terminal {
  /** The screen as text, one line per row. */
  screen(): string;
  /** The screen with its colour and style escape sequences. */
  styledScreen(): string;
  keys(...keys: string[]): void;
  /** Polls the screen until `test` holds; throws with the last screen when `timeoutMs` passes first. */
  waitFor(test: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  close(): void;
}

/** Runs `command` (a shell command line) in a new `columns` x `rows` tmux session on its own server socket. */
export function openTerminal(command: string, columns: number, rows: number): Terminal {
  const socket = `mm-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
  tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", String(columns), "-y", String(rows), command);
  tmux("set-option", "-t", "e2e", "remain-on-exit", "on");
  const screen = () => tmux("capture-pane", "-p", "-t", "e2e");
  return {
    screen,
    styledScreen: () => tmux("capture-pane", "-e", "-p", "-t", "e2e"),
    keys: (...keys) => void tmux("send-keys", "-t", "e2e", ...keys),
    async waitFor(test, what, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let last = "";
      for (;;) {
        last = screen();
        if (test(last)) return last;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen was:\n${last}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    close() {
      spawnSync("tmux", ["-L", socket, "kill-server"], { stdio: "ignore" });
    },
  };
}
