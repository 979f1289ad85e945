// `npm run bench [-- --json]`: runs each benchmark section and prints its figures (with --json, one JSON object as the last line).
import { bookBench } from "./book-bench.js";
import type { BenchSection } from "./measure.js";

const SECTIONS: BenchSection[] = [bookBench];

const json = process.argv.includes("--json");
const out: Record<string, unknown> = { node: process.version };
for (const section of SECTIONS) {
  process.stdout.write(`== ${section.title}\n`);
  const result = await section.run();
  for (const line of result.lines) process.stdout.write(line + "\n");
  out[section.name] = result.figures;
}
if (json) process.stdout.write(JSON.stringify(out) + "\n");
