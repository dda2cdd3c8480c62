/** The hospital's calendar day: dates in Osteopad are local dates in the Netherlands. */
const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function localIsoDate(instant: Date): string {
  return FORMAT.format(instant);
}
