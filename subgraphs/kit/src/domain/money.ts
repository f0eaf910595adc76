// Money as the decree counts it: integer minor units of an ISO 4217 currency (its exponent from
// `currency.ts`), converted to USD with the rule table's rates.
import { currencyExponent, exponentOf } from './currency.ts';

/** ISO 4217 alphabetic currency code, e.g. `USD`. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

/** An amount as the graph's `Money` carries it. */
export interface Money {
  /** Minor units of `currency`: USD 5,000.00 is 500000, JPY 5,000 is 5000, KWD 5.000 is 5000. */
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

/** A positive decimal number as digits over a power of ten: 0.0067 is 67 / 10^4, 8e-05 is 8 / 10^5. */
function asDecimal(value: number): { digits: bigint; scale: number } | null {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) return null;
  const [, whole = '', fraction = '', exponent = '0'] = match;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(`${whole}${fraction}`);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * Converts minor units of `currency` to USD minor units (cents), rounding down, with each
 * currency's own exponent: JPY 10,000,000 at 0.0067 USD per yen is USD 67,000.00 (6700000),
 * not the USD 670.00 a two-decimal reading gives. Exact (integer arithmetic on the rate's
 * decimal digits), so an income exactly at a threshold is not lost to a floating-point
 * rounding. Null when the currency has no rate or is not an ISO 4217 code.
 */
export function toUsdMinor(rules: ExchangeRates, amountMinor: number, currency: string): number | null {
  const rate = rules.exchange_rates_to_usd[currency];
  const from = currencyExponent(currency);
  const usd = exponentOf('USD');
  const decimal = rate === undefined ? null : asDecimal(rate);
  if (decimal === null || from === null) return null;
  const numerator = BigInt(amountMinor) * decimal.digits * 10n ** BigInt(usd);
  const denominator = 10n ** BigInt(decimal.scale + from);
  return Number(numerator / denominator);
}
