// Forks the embedded exchange as a child process and stops it: the market the loopback and memory benchmarks stream from.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ExchangeProcessMessage, ExchangeProcessOptions } from "./exchange-process.js";

export interface ExchangeChild {
  urls: { gamma: string; clob: string; ws: string };
  /** Closes the exchange and waits for the process to exit; resolves with the frames it published. */
  stop(): Promise<number>;
}

export async function startExchangeChild(options: ExchangeProcessOptions): Promise<ExchangeChild> {
  const child = fork(fileURLToPath(new URL("./exchange-process.js", import.meta.url)), [JSON.stringify(options)], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const next = (): Promise<ExchangeProcessMessage> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`the exchange process exited (code ${code}) before answering`));
      child.once("exit", onExit);
      child.once("message", (m: ExchangeProcessMessage) => {
        child.off("exit", onExit);
        resolve(m);
      });
    });
  const ready = await next();
  if (ready.type !== "ready") throw new Error(`the exchange process sent ${ready.type} before it was ready`);
  return {
    urls: ready.urls,
    async stop() {
      const closed = next();
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.send("stop");
      const m = await closed;
      await exited;
      return m.type === "closed" ? m.frames : 0;
    },
  };
}
