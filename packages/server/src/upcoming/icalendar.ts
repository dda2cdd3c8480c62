// A small iCalendar writer (RFC 5545) for the patient's dates: VCALENDAR with VEVENTs, all-day dates
// or local times in Europe/Amsterdam (with its VTIMEZONE), text escaped, lines folded at 75 octets, CRLF.
// Pure: the stamp time comes in.

export interface CalendarEvent {
  /** Globally unique and stable for the same task or appointment, so a re-import updates, not duplicates. */
  readonly uid: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** HH:MM local time in Europe/Amsterdam; absent: an all-day date. */
  readonly time?: string;
  /** Length of a timed event. */
  readonly durationMinutes?: number;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
}

export interface Calendar {
  /** PRODID: who made the file. */
  readonly productId: string;
  /** X-WR-CALNAME: the name calendar apps show. */
  readonly name: string;
  /** DTSTAMP of every event: when the file was made. */
  readonly stampedAt: Date;
  readonly events: readonly CalendarEvent[];
}

export const CALENDAR_TIME_ZONE = 'Europe/Amsterdam';

/** RFC 5545 §3.3.11: backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * RFC 5545 §3.1: a content line longer than 75 octets is split, each continuation starting with one
 * space; never inside a UTF-8 character (the octets of one character stay on one line).
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; a continuation holds 74 after its leading space.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (isoDate: string): string => isoDate.replace(/-/g, '');

/** The day after an ISO date (all-day events end, exclusively, on the next day). */
function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** UTC date-time form (§3.3.5, form #2): 20260102T030405Z. */
function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

// Europe/Amsterdam since 1996: CEST from the last Sunday of March 02:00, CET from the last Sunday of
// October 03:00 (EU rules).
const AMSTERDAM_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${CALENDAR_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19960331T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${stamp}`];
  if (event.time === undefined) {
    lines.push(
      `DTSTART;VALUE=DATE:${compactDate(event.date)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(event.date))}`,
      // A day to keep free, not a busy block.
      'TRANSP:TRANSPARENT',
    );
  } else {
    lines.push(
      `DTSTART;TZID=${CALENDAR_TIME_ZONE}:${compactDate(event.date)}T${event.time.replace(':', '')}00`,
      `DURATION:PT${String(event.durationMinutes ?? 30)}M`,
    );
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description !== undefined && event.description !== '')
    lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location !== undefined && event.location !== '')
    lines.push(`LOCATION:${escapeText(event.location)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** The calendar as RFC 5545 text: CRLF after every line, folded, the time zone given when a time is. */
export function serializeCalendar(calendar: Calendar): string {
  const stamp = utcStamp(calendar.stampedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.productId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.events.some((e) => e.time !== undefined) ? AMSTERDAM_TIMEZONE : []),
    ...calendar.events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
