/**
 * Finds strings that look like personal contact details. The July 2016 report lists programme
 * leads' email addresses; none may reach the seeds, the store or any response.
 */
export const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
/** UK phone numbers: 020 7123 4567, 07700 900123, +44 20 7123 4567. */
export const PHONE_PATTERN = /(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/;

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
