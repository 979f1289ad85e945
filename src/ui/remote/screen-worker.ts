// Worker-thread entry of the dashboard's screen (started by screen-thread.ts): React and Ink run here, off the engine's event loop.
import { parentPort, workerData } from "node:worker_threads";
import type { ScreenInit } from "./protocol.js";

if (!parentPort) throw new Error("screen-worker.js runs as a worker thread: `mm` starts it when it opens the dashboard");
// React's development build costs several times more per frame; it loads only after this is set.
process.env.NODE_ENV ??= "production";
// With CI set, Ink draws only the last frame, at exit: a dashboard a person drives must draw every frame (this thread's env only).
process.env.CI = "false";
process.env.CONTINUOUS_INTEGRATION = "false";
const { runScreen } = await import("./screen.js");
await runScreen(parentPort, workerData as ScreenInit);
