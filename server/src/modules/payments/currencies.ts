/**
 * The currencies orders may be made in, with their ISO 4217 minor-unit exponents: an
 * amount is always an integer of minor units (fen, cents, yen), so JPY 500 is `500`
 * and CNY 5.00 is `500`.
 */
export const currencyExponents = {
  CNY: 2,
  HKD: 2,
  TWD: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  SGD: 2,
  AUD: 2,
  CAD: 2,
  JPY: 0,
  KRW: 0,
} as const satisfies Record<string, number>;

export type Currency = keyof typeof currencyExponents;
export const supportedCurrencies = Object.keys(currencyExponents) as Currency[];

export function isSupportedCurrency(code: string): code is Currency {
  return Object.hasOwn(currencyExponents, code);
}

/**
 * The largest order total in minor units, from a maximum in major units.
 *
 * @example
 * maxMinorAmount('JPY', 1_000_000) // 1000000
 * maxMinorAmount('CNY', 1_000_000) // 100000000
 */
export function maxMinorAmount(currency: Currency, maxMajor: number): number {
  return maxMajor * 10 ** currencyExponents[currency];
}
