// Money as the decree counts it: integer minor units, converted to USD with the rule table's rates.

/** The part of an agency's rules that converts currencies: USD per one unit of each currency. */
export interface ExchangeRates {
  exchange_rates_to_usd: Readonly<Record<string, number>>;
}

/** Converts minor units of `currency` to USD minor units; null when the currency has no rate. */
export function toUsdMinor(rules: ExchangeRates, amountMinor: number, currency: string): number | null {
  const rate = rules.exchange_rates_to_usd[currency];
  return rate === undefined ? null : Math.floor(amountMinor * rate);
}
