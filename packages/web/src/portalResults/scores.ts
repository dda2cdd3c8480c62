/** A T- or Z-score as the DXA report gives it (one decimal), in the reader's notation: -2,6 or -2.6. */
export function formatScore(score: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(score);
}
