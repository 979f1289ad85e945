// The ledger's line format: one JSON object per event with a strictly increasing seq, an ISO ts, a type, and decimal-string amounts.
import { z } from "zod";

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, "expected a decimal string like \"0.53\"");
const outcome = z.enum(["YES", "NO"]);
const side = z.enum(["BUY", "SELL"]);

/** What fills and order lines share: the order and its terms. */
const orderTerms = {
  orderId: z.string(),
  market: z.string(),
  token: z.string(),
  outcome,
  side,
  price: decimal,
  size: decimal,
};

const fillFields = { fillId: z.string(), ...orderTerms, fee: decimal, liquidity: z.enum(["maker", "taker"]) };

const orderFields = { ...orderTerms, clientId: z.string() };

export const ledgerBodySchema = z.discriminatedUnion("type", [
  /** The first line of a ledger: the starting balance. */
  z.object({ type: z.literal("account_opened"), cash: decimal }),
  z.object({ type: z.literal("order_placed"), ...orderFields, orderType: z.enum(["GTC", "GTD", "FOK", "FAK"]), postOnly: z.boolean() }),
  z.object({ type: z.literal("order_acknowledged"), ...orderFields, filled: decimal, queueAhead: decimal.nullable() }),
  z.object({ type: z.literal("order_cancelled"), orderId: z.string(), clientId: z.string(), reason: z.string() }),
  z.object({ type: z.literal("order_rejected"), clientId: z.string(), reason: z.string() }),
  z.object({ type: z.literal("fill"), ...fillFields }),
  /** A live fill that failed on chain, undone. */
  z.object({ type: z.literal("fill_reversed"), ...fillFields }),
  z.object({ type: z.literal("risk"), state: z.enum(["ACTIVE", "REDUCING", "HALTED"]), reason: z.string().nullable() }),
  z.object({ type: z.literal("resolution"), market: z.string(), winningToken: z.string() }),
]);

export const ledgerEntrySchema = z.intersection(z.object({ seq: z.number().int().positive(), ts: z.string() }), ledgerBodySchema);

export type LedgerBody = z.infer<typeof ledgerBodySchema>;
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type LedgerType = LedgerBody["type"];

/** The result of reading a ledger's text: entries in order, and a note when the last line was cut short. */
export interface ParsedLedger {
  entries: LedgerEntry[];
  /** Byte length of the well-formed prefix (everything after it is a torn final line). */
  validBytes: number;
  truncatedTail: string | null;
}

/**
 * Parses ledger text. A final line without its newline that does not parse is a write cut short by a crash: it is
 * reported in truncatedTail and dropped. Any other bad line, or a seq that does not increase, is an error naming the line.
 */
export function parseLedger(text: string): ParsedLedger {
  const entries: LedgerEntry[] = [];
  let offset = 0;
  let lineNo = 0;
  let lastSeq = 0;
  while (offset < text.length) {
    lineNo++;
    const nl = text.indexOf("\n", offset);
    const line = nl === -1 ? text.slice(offset) : text.slice(offset, nl);
    const end = nl === -1 ? text.length : nl + 1;
    if (line.trim() === "") {
      offset = end;
      continue;
    }
    let entry: LedgerEntry | null = null;
    try {
      const parsed = ledgerEntrySchema.safeParse(JSON.parse(line));
      entry = parsed.success ? parsed.data : null;
    } catch {
      entry = null;
    }
    if (entry === null) {
      if (nl === -1) return { entries, validBytes: byteLength(text.slice(0, offset)), truncatedTail: line };
      throw new Error(`ledger line ${lineNo} is not a valid entry: ${line.slice(0, 120)}`);
    }
    if (entry.seq <= lastSeq) throw new Error(`ledger line ${lineNo}: seq ${entry.seq} does not increase (previous ${lastSeq})`);
    lastSeq = entry.seq;
    entries.push(entry);
    offset = end;
  }
  return { entries, validBytes: byteLength(text), truncatedTail: null };
}

function byteLength(s: string): number {
  // Ledger text is ASCII apart from ids and reasons; count UTF-8 bytes exactly without node:buffer.
  return new TextEncoder().encode(s).length;
}

export function formatLedgerLine(entry: LedgerEntry): string {
  return JSON.stringify(entry) + "\n";
}
