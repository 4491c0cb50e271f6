/**
 * Finds strings that look like personal contact details. The July 2016 report lists programme
 * leads' email addresses; none may reach the seeds, the store or any response.
 */
export const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
/** UK phone numbers: 020 7123 4567, 07700 900123, +44 20 7123 4567. */
export const PHONE_PATTERN = /(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/;

/** What an email address becomes in text the service serves. */
export const EMAIL_MASK = '[email removed]';
/** What a phone number becomes in text the service serves. */
export const PHONE_MASK = '[phone number removed]';

/**
 * An address as masked in served text: EMAIL_PATTERN, and before it a dotted word and one space, the
 * start of an address the report's text breaks with a space (one report's contact address reads
 * `team.north west@example.org`, and `team.north` was left beside the mask). Masking a word too many
 * is the safe side.
 */
const EMAIL_EVERYWHERE = new RegExp(
  `(?:[A-Za-z0-9%+-]+(?:\\.[A-Za-z0-9%+-]+)+ )?${EMAIL_PATTERN.source}`,
  'g',
);
const PHONE_EVERYWHERE = new RegExp(PHONE_PATTERN.source, 'g');

/**
 * `text` with every email address and phone number replaced by a fixed mask, for text served as
 * written (a report's lines). Emails go first: a phone-like run of digits inside an address must not
 * leave the rest of the address behind.
 */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL_EVERYWHERE, EMAIL_MASK).replace(PHONE_EVERYWHERE, PHONE_MASK);
}

export interface PersonalDataHit {
  /** Dotted path to the string inside the value (evidence.0.section). */
  readonly path: string;
  readonly kind: 'an email address' | 'a phone number';
}

/** Every string inside `value` (recursively) that looks like an email address or phone number. */
export function findPersonalData(value: unknown, path = ''): PersonalDataHit[] {
  if (typeof value === 'string') {
    // Cheap tests first: validation runs this on every string of every record, and most strings
    // hold no @ and few digits.
    if (value.includes('@') && EMAIL_PATTERN.test(value)) return [{ path, kind: 'an email address' }];
    if (/\d{3}/.test(value) && PHONE_PATTERN.test(value)) return [{ path, kind: 'a phone number' }];
    return [];
  }
  if (Array.isArray(value))
    return value.flatMap((v, i) => findPersonalData(v, path ? `${path}.${i}` : String(i)));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => findPersonalData(v, path ? `${path}.${k}` : k));
  }
  return [];
}
