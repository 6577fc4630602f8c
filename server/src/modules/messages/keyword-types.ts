/**
 * The types a template's keyword may have and the limits the platforms put on their
 * values (as WeChat and Douyin document them). A value is checked against its type
 * before anything is sent.
 */
export const keywordTypes = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;
export type KeywordType = (typeof keywordTypes)[number];

/** Counts characters as people do (code points), not UTF-16 units. */
const length = (value: string) => [...value].length;
const han = /\p{Script=Han}/u;
const clock = String.raw`([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?`;
const day = String.raw`(\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)`;

/** Each type's rule: why a value does not fit, or null when it does. */
const rules: Record<KeywordType, (value: string) => string | null> = {
  thing: (v) => (length(v) <= 20 ? null : 'at most 20 characters'),
  number: (v) => (/^[+-]?\d{1,32}(\.\d+)?$/.test(v) && length(v) <= 32 ? null : 'at most 32 digits'),
  letter: (v) => (/^[A-Za-z]{1,32}$/.test(v) ? null : 'at most 32 letters'),
  symbol: (v) => (/^[\p{P}\p{S}]{1,5}$/u.test(v) ? null : 'at most 5 symbols'),
  character_string: (v) => (/^[\x21-\x7e]{1,32}$/.test(v) ? null : 'at most 32 letters, digits and symbols'),
  time: (v) =>
    new RegExp(`^(${day} )?${clock}$|^${day} ?${clock}$`).test(v)
      ? null
      : 'a time such as 15:01 or 2026-12-01 15:01',
  date: (v) =>
    new RegExp(`^${day}( ${clock})?$`).test(v) ? null : 'a date such as 2026-12-01 or 2026年12月1日',
  amount: (v) =>
    /^[¥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v)
      ? null
      : 'an amount such as ¥32.00: a currency sign, up to 10 digits',
  phone_number: (v) =>
    /^[\d+\-() ]{1,17}$/.test(v) && /\d/.test(v) ? null : 'at most 17 digits and + - ( )',
  car_number: (v) =>
    length(v) <= 8 && /^[\p{Script=Han}A-Za-z][A-Za-z0-9]{0,6}[\p{Script=Han}A-Za-z0-9]?$/u.test(v)
      ? null
      : 'a plate of at most 8 characters',
  name: (v) =>
    han.test(v)
      ? length(v) <= 10
        ? null
        : 'at most 10 Chinese characters'
      : /^[A-Za-z][A-Za-z .'-]{0,19}$/.test(v)
        ? null
        : 'at most 20 letters',
  phrase: (v) => (/^[\p{L}]{1,5}$/u.test(v) ? null : 'at most 5 letters or characters, no digits or symbols'),
};

/** Why a value does not fit its keyword type; null when it fits. Empty values never fit. */
export function keywordValueProblem(type: KeywordType, value: string): string | null {
  if (value.trim() === '') return 'a value is required';
  // Control characters would reach the inbox's rendering: no type admits them.
  if (/\p{Cc}/u.test(value)) return 'no control characters';
  return rules[type](value);
}
