/** How the explorer writes money and enum values for people. */

const POUNDS = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0,
});

export function money(amount: { readonly value: number; readonly currency: string } | null): string {
  if (!amount) return 'no figure';
  if (amount.currency === 'GBP') return POUNDS.format(amount.value);
  return `${amount.value.toLocaleString('en-GB')} ${amount.currency}`;
}

/** CO_FUNDED_BY → co funded by; ORGANISATION → organisation. */
export const words = (value: string): string => value.toLowerCase().replace(/_/g, ' ');
