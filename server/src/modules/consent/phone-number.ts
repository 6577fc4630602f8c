import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** The phone number as WeChat's and Douyin's phone APIs answer it. */
export interface SharedPhoneNumber {
  /** E.164 as the user signed in with: `+8613800138000`. */
  phoneNumber: string;
  /** Without the country calling code: `13800138000`. */
  purePhoneNumber: string;
  /** The country calling code, digits only: `86`. */
  countryCode: string;
}

/**
 * Splits an E.164 number into its country calling code and national number. Calling
 * codes are one to three digits and prefix-free, which only a numbering-plan table
 * knows, hence libphonenumber's metadata.
 *
 * @example
 * splitPhoneNumber('+8613800138000') // { countryCode: '86', purePhoneNumber: '13800138000', … }
 */
export function splitPhoneNumber(e164: string): SharedPhoneNumber {
  const parsed = parsePhoneNumberFromString(e164);
  if (parsed) {
    return {
      phoneNumber: e164,
      purePhoneNumber: String(parsed.nationalNumber),
      countryCode: String(parsed.countryCallingCode),
    };
  }
  // A number outside the metadata (reserved or test ranges) is still shared whole.
  return { phoneNumber: e164, purePhoneNumber: e164.replace(/^\+/, ''), countryCode: '' };
}
