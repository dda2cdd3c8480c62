// Wall-clock times written without a zone (HL7 timestamps usually are) are Dutch local time.

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes the Netherlands is ahead of UTC at `utcMillis` (60 in winter, 120 in summer). */
function dutchOffsetMinutes(utcMillis: number): number {
  const fields: Record<string, number> = {};
  for (const part of PARTS.formatToParts(new Date(utcMillis))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const asIfUtc = Date.UTC(
    fields.year ?? 0,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  return Math.round((asIfUtc - Math.floor(utcMillis / 1000) * 1000) / 60_000);
}

/**
 * The instant at which Dutch clocks showed this date and time. In the hour that clocks go back
 * (02:00–03:00 on the last Sunday of October) the earlier of the two instants is taken; a time in
 * the hour skipped in spring is read with the winter offset.
 */
export function dutchWallClockToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond = 0,
): Date {
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const summer = asIfUtc - 120 * 60_000;
  if (dutchOffsetMinutes(summer) === 120) return new Date(summer);
  return new Date(asIfUtc - 60 * 60_000);
}
