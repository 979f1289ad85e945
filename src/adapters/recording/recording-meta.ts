// The markets of a recording's meta line: MarketInfo written with decimal strings (as the exchange writes them), and read back.
import { z } from "zod";
import { openMarket, type MarketInfo } from "../../domain/market.js";
import { formatPrice, formatSize, formatUsd, parsePrice, parseSize, parseUsd } from "../../domain/units.js";

const decimal = (parse: (text: string) => number | null, what: string) =>
  z.string().refine((text) => parse(text) !== null, { message: `not a decimal ${what}` });

const metaMarketSchema = z.object({
  conditionId: z.string().min(1),
  question: z.string(),
  slug: z.string(),
  yesTokenId: z.string().min(1),
  noTokenId: z.string().min(1),
  outcomes: z.tuple([z.string(), z.string()]),
  /** As the exchange writes it ("0.01"): the book hash uses this text. */
  tickSize: decimal(parsePrice, "price"),
  minSize: decimal(parseSize, "size"),
  negRisk: z.boolean(),
  endDate: z.string().nullable(),
  rewards: z.object({ maxSpreadCents: z.number().nonnegative(), minSize: decimal(parseSize, "size"), dailyRate: decimal(parseUsd, "amount") }).nullable(),
  takerFeeBps: z.number().nonnegative(),
});

export type MetaMarket = z.infer<typeof metaMarketSchema>;

export function toMetaMarket(m: MarketInfo): MetaMarket {
  return {
    conditionId: m.conditionId,
    question: m.question,
    slug: m.slug,
    yesTokenId: m.yesTokenId,
    noTokenId: m.noTokenId,
    outcomes: m.outcomes,
    tickSize: formatPrice(m.tickSize),
    minSize: formatSize(m.minSize),
    negRisk: m.negRisk,
    endDate: m.endDate,
    rewards: m.rewards ? { maxSpreadCents: m.rewards.maxSpreadCents, minSize: formatSize(m.rewards.minSize), dailyRate: formatUsd(m.rewards.dailyRate) } : null,
    takerFeeBps: m.takerFeeBps,
  };
}

/** Validates one meta market; throws an Error naming the bad field. */
export function parseMetaMarket(value: unknown, index: number): MetaMarket {
  const parsed = metaMarketSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`the recording's meta line, markets[${index}].${issue.path.join(".")}: ${issue.message}`);
}

export function fromMetaMarket(m: MetaMarket): MarketInfo {
  const num = (text: string, parse: (t: string) => number | null): number => parse(text) ?? 0;
  return openMarket(
    {
      conditionId: m.conditionId,
      question: m.question,
      slug: m.slug,
      yesTokenId: m.yesTokenId,
      noTokenId: m.noTokenId,
      tickSize: num(m.tickSize, parsePrice),
      minSize: num(m.minSize, parseSize),
      negRisk: m.negRisk,
    },
    {
      outcomes: m.outcomes,
      endDate: m.endDate,
      rewards: m.rewards ? { maxSpreadCents: m.rewards.maxSpreadCents, minSize: num(m.rewards.minSize, parseSize), dailyRate: num(m.rewards.dailyRate, parseUsd) } : null,
      takerFeeBps: m.takerFeeBps,
    },
  );
}
