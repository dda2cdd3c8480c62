import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, serializeCalendar, type Calendar } from './icalendar';

const octets = (s: string) => new TextEncoder().encode(s).length;

const CALENDAR: Calendar = {
  productId: '-//Osteopad//Afspraken//NL',
  name: 'Mijn afspraken',
  stampedAt: new Date('2026-11-21T08:15:30.123Z'),
  events: [
    { uid: 'task-1@osteopad', date: '2026-12-31', summary: 'Denosumab-injectie' },
    {
      uid: 'appointment-2@osteopad',
      date: '2027-03-28',
      time: '09:30',
      durationMinutes: 45,
      summary: 'Afspraak: DXA, bloedonderzoek; gesprek',
      location: 'Ziekenhuis Demostad, Voorbeeldlaan 1, 1234 AB Demostad',
    },
  ],
};

describe('iCalendar (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds lines longer than 75 octets, continuation lines starting with one space', () => {
    const line = `SUMMARY:${'x'.repeat(200)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBe(3);
    expect(folded.every((l) => octets(l) <= 75)).toBe(true);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('never splits a multi-byte character when folding', () => {
    const line = `LOCATION:${'ë'.repeat(60)}`; // 9 + 120 octets
    const folded = foldLine(line).split('\r\n');
    expect(folded.every((l) => octets(l) <= 75)).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
    expect(folded.join('')).not.toContain('\uFFFD');
  });

  it('writes a calendar with CRLF line ends, all-day dates and local times in Europe/Amsterdam', () => {
    const text = serializeCalendar(CALENDAR);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Osteopad//Afspraken//NL',
    ]);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines).toContain('DTSTAMP:20261121T081530Z');
    // All day: the end is the next day (exclusive), across a year boundary.
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    // Timed: local time with its zone, which the file defines.
    expect(lines).toContain('DTSTART;TZID=Europe/Amsterdam:20270328T093000');
    expect(lines).toContain('DURATION:PT45M');
    expect(lines).toContain('TZID:Europe/Amsterdam');
    expect(lines).toContain('SUMMARY:Afspraak: DXA\\, bloedonderzoek\\; gesprek');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:task-1@osteopad');
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
  });

  it('leaves the time zone out when every date is all-day', () => {
    const text = serializeCalendar({ ...CALENDAR, events: CALENDAR.events.slice(0, 1) });
    expect(text).not.toContain('VTIMEZONE');
  });

  it('is the same text for the same input (stable UIDs, no random parts)', () => {
    expect(serializeCalendar(CALENDAR)).toBe(serializeCalendar(CALENDAR));
  });
});
