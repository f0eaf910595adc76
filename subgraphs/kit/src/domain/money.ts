// Money as the decree counts it: integer minor units, converted to USD with the rule table's rates.

/** ISO 4217 alphabetic currency code, e.g. `USD`. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

/** An amount as the graph's `Money` carries it. */
export interface Money {
  /** Minor units: USD 5,000.00 is 500000. */
  amountMinor: number;
  currency: string;
}

/**
 * A whole number of minor units that JavaScript counts exactly, not negative; with
 * `positive`, not zero either (a payment of nothing is no payment).
 */
export function isMinorAmount(amountMinor: number, options: { positive?: boolean } = {}): boolean {
  return Number.isSafeInteger(amountMinor) && (options.positive === true ? amountMinor > 0 : amountMinor >= 0);
}

/** The part of an agency's rules that converts currencies: USD per one unit of each currency. */
export interface ExchangeRates {
  exchange_rates_to_usd: Readonly<Record<string, number>>;
}

/** Converts minor units of `currency` to USD minor units; null when the currency has no rate. */
export function toUsdMinor(rules: ExchangeRates, amountMinor: number, currency: string): number | null {
  const rate = rules.exchange_rates_to_usd[currency];
  return rate === undefined ? null : Math.floor(amountMinor * rate);
}
