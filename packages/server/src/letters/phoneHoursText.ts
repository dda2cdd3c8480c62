import { WEEKDAYS, type PhoneHours, type Weekday } from '@osteopad/contract';
import type { LetterMessageKey, LetterTranslator } from './letterText';

const WEEKDAY_KEYS: Readonly<Record<Weekday, LetterMessageKey>> = {
  monday: 'hours.weekday.monday',
  tuesday: 'hours.weekday.tuesday',
  wednesday: 'hours.weekday.wednesday',
  thursday: 'hours.weekday.thursday',
  friday: 'hours.weekday.friday',
  saturday: 'hours.weekday.saturday',
  sunday: 'hours.weekday.sunday',
};

/** The weekday names, picked by code (for the catalogue test, which finds only literal keys). */
export const WEEKDAY_MESSAGE_KEYS: readonly LetterMessageKey[] = Object.values(WEEKDAY_KEYS);

/** Three or more days in a row read as a range: "maandag tot en met vrijdag". */
const SHORTEST_RANGE = 3;

/** "08:30" → "8.30" (nl) / "8:30" (en): the hour without a leading zero, as Dutch letters write it. */
function clockTime(time: string, text: LetterTranslator): string {
  const [hours = '', minutes = ''] = time.split(':');
  return text.t('hours.time', { hours: String(Number(hours)), minutes });
}

/** "a", "a en b", "a, b en c". */
function listed(items: readonly string[], text: LetterTranslator): string {
  const last = items.at(-1) ?? '';
  if (items.length < 2) return last;
  return text.t('hours.list', { items: items.slice(0, -1).join(', '), last });
}

/** Days in week order, runs of three or more as "maandag tot en met vrijdag". */
function dayList(days: readonly Weekday[], text: LetterTranslator): string {
  const order = days.map((day) => WEEKDAYS.indexOf(day)).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of order) {
    const run = runs.at(-1);
    if (run !== undefined && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const name = (index: number): string => text.t(WEEKDAY_KEYS[WEEKDAYS[index] ?? 'monday']);
  const items = runs.flatMap((run) =>
    run.length >= SHORTEST_RANGE
      ? [text.t('hours.through', { first: name(run[0] ?? 0), last: name(run.at(-1) ?? 0) })]
      : run.map(name),
  );
  return listed(items, text);
}

/**
 * The phone hours as a phrase of the letter's language: days with the same hours together, in week order —
 * "maandag, woensdag en vrijdag van 15.30 tot 16.30 uur"; "maandag tot en met donderdag van 8.30 tot 16.30 uur en
 * vrijdag van 8.30 tot 12.00 uur". Empty when none are listed.
 */
export function phoneHoursText(hours: readonly PhoneHours[], text: LetterTranslator): string {
  const groups = new Map<string, { from: string; to: string; days: Weekday[]; first: number }>();
  for (const entry of hours) {
    const key = `${entry.from}-${entry.to}`;
    const group = groups.get(key);
    const index = WEEKDAYS.indexOf(entry.weekday);
    if (group === undefined)
      groups.set(key, { from: entry.from, to: entry.to, days: [entry.weekday], first: index });
    else {
      group.days.push(entry.weekday);
      group.first = Math.min(group.first, index);
    }
  }
  const phrases = [...groups.values()]
    .sort((a, b) => a.first - b.first)
    .map((group) =>
      text.t('hours.times', {
        days: dayList(group.days, text),
        from: clockTime(group.from, text),
        to: clockTime(group.to, text),
      }),
    );
  return listed(phrases, text);
}

/**
 * What the letter prints after the department's phone number: the phone hours, the free-text note beside them, or
 * the note alone for a profile that lists no hours (as profiles did before the hours were structured).
 */
export function phoneAvailability(
  organization: { phoneHours: readonly PhoneHours[]; openingHours: string },
  text: LetterTranslator,
): string {
  // The catalogue closes the sentence after the parenthesis: "(… 16.30 uur)." not "(… 16.30 uur.)."
  const note = organization.openingHours.trim().replace(/\.+$/, '');
  const hours = phoneHoursText(organization.phoneHours, text);
  if (hours === '') return note;
  if (note === '') return hours;
  return text.t('hours.withNote', { hours, note });
}
