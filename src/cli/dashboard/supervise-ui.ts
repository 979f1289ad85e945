// Keeps the dashboard safe to leave: however the UI ends, every order is cancelled and the terminal restored before an error is reported.
import type { DashboardHost } from "../../ui/host.js";

/** Shows the cursor and leaves raw mode, whatever state Ink was left in. */
export function restoreTerminal(): void {
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  process.stdout.write("\u001B[?25h");
}

/**
 * Waits until the UI ends. However it ends (q, a signal, a crash inside React or anywhere else), every order is
 * cancelled and the terminal restored before the error, if any, is reported.
 */
export async function superviseUi(
  app: { waitUntilExit(): Promise<unknown>; unmount(): void },
  host: Pick<DashboardHost, "shutdown">,
  restore: () => void,
): Promise<void> {
  const onSignal = () => {
    void host.shutdown().finally(() => app.unmount());
  };
  const onCrash = (err: unknown) => {
    // A failure outside React (a timer, a socket): cancel everything, restore the terminal, then report it.
    void host
      .shutdown()
      .catch(() => undefined)
      .finally(() => {
        app.unmount();
        restore();
        process.stderr.write(`mm: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exit(1);
      });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  try {
    await app.waitUntilExit();
  } catch (err) {
    // A crash inside the UI: orders are still cancelled and the terminal restored before the error is reported.
    await host.shutdown().catch(() => undefined);
    restore();
    throw err;
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGHUP", onSignal);
    process.off("uncaughtException", onCrash);
    process.off("unhandledRejection", onCrash);
  }
}
