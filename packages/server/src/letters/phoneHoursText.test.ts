import { describe, expect, it } from 'vitest';
import type { PhoneHours } from '@osteopad/contract';
import { letterTranslator } from './letterText';
import { phoneAvailability, phoneHoursText } from './phoneHoursText';

const nl = letterTranslator('nl');
const en = letterTranslator('en');
const day = (weekday: PhoneHours['weekday'], from = '08:30', to = '16:30'): PhoneHours => ({
  weekday,
  from,
  to,
});

describe('phoneHoursText', () => {
  it('reads three or more days in a row as a range, and drops the hour’s leading zero', () => {
    const weekdays = [day('monday'), day('tuesday'), day('wednesday'), day('thursday'), day('friday')];
    expect(phoneHoursText(weekdays, nl)).toBe('maandag tot en met vrijdag van 8.30 tot 16.30 uur');
    expect(phoneHoursText(weekdays, en)).toBe('Monday to Friday from 8:30 to 16:30');
  });

  it('lists days apart in week order, whatever the order they were entered in', () => {
    const hours = [day('friday', '15:30'), day('monday', '15:30'), day('wednesday', '15:30')];
    expect(phoneHoursText(hours, nl)).toBe('maandag, woensdag en vrijdag van 15.30 tot 16.30 uur');
    expect(phoneHoursText([day('monday'), day('tuesday')], nl)).toBe(
      'maandag en dinsdag van 8.30 tot 16.30 uur',
    );
  });

  it('groups days with the same hours, the groups in the order of their first day', () => {
    const hours = [
      day('friday', '08:30', '12:00'),
      day('monday'),
      day('tuesday'),
      day('wednesday'),
      day('thursday'),
    ];
    expect(phoneHoursText(hours, nl)).toBe(
      'maandag tot en met donderdag van 8.30 tot 16.30 uur en vrijdag van 8.30 tot 12.00 uur',
    );
  });

  it('is empty without hours', () => {
    expect(phoneHoursText([], nl)).toBe('');
  });
});

describe('phoneAvailability', () => {
  it('puts the note beside the hours, or prints the note alone when no hours are listed', () => {
    expect(phoneAvailability({ phoneHours: [day('monday')], openingHours: 'niet op feestdagen.' }, nl)).toBe(
      'maandag van 8.30 tot 16.30 uur; niet op feestdagen',
    );
    expect(phoneAvailability({ phoneHours: [], openingHours: 'werkdagen 8.30–16.30 uur.' }, nl)).toBe(
      'werkdagen 8.30–16.30 uur',
    );
    expect(phoneAvailability({ phoneHours: [day('monday')], openingHours: '' }, nl)).toBe(
      'maandag van 8.30 tot 16.30 uur',
    );
  });
});
