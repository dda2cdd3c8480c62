// The words of a reminder, in the recipient's language (Dutch unless English is known), plain and without
// medical detail: what kind of appointment and its date, never a diagnosis, drug or result (privacy: e-mail
// is read on shared devices and passes servers outside the hospital).
import en from './i18n/en.json' with { type: 'json' };
import nl from './i18n/nl.json' with { type: 'json' };
import type { TaskKind } from '@osteopad/contract';

export const REMINDER_LANGUAGES = ['nl', 'en'] as const;
export type ReminderLanguage = (typeof REMINDER_LANGUAGES)[number];

type Catalogue = typeof nl;
const CATALOGUES: Readonly<Record<ReminderLanguage, Catalogue>> = { nl, en };

export type ReminderKind = 'upcoming' | 'overdue' | 'staff_digest';

export interface PatientReminderContent {
  readonly kind: 'upcoming' | 'overdue';
  readonly taskKind: string;
  readonly dueOn: string;
  readonly organization: string;
}

export interface DigestContent {
  readonly kind: 'staff_digest';
  readonly day: string;
  readonly overdueCount: number;
}

export interface ReminderText {
  readonly subject: string;
  readonly text: string;
}

type What = keyof Catalogue['what'];

const WHAT_OF_KIND: Partial<Record<TaskKind, What>> = {
  denosumab_injection: 'injection',
  romosozumab_injection: 'injection',
  zoledronic_acid_infusion: 'infusion',
  pre_infusion_blood_test: 'bloodTest',
};

export function isReminderLanguage(value: string): value is ReminderLanguage {
  return (REMINDER_LANGUAGES as readonly string[]).includes(value);
}

function whatOf(taskKind: string): What {
  return WHAT_OF_KIND[taskKind as TaskKind] ?? 'visit';
}

/** 2026-03-05 → "5 maart 2026" / "5 March 2026": a calendar day, read in no time zone. */
export function spokenDate(isoDate: string, language: ReminderLanguage): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Reminder text needs a value for {{${name}}}`);
    return value;
  });
}

export function reminderText(
  content: PatientReminderContent | DigestContent,
  language: ReminderLanguage,
): ReminderText {
  const c = CATALOGUES[language];
  if (content.kind === 'staff_digest') {
    const values = { count: String(content.overdueCount), date: spokenDate(content.day, language) };
    return { subject: fill(c.digest.subject, values), text: fill(c.digest.body, values) };
  }
  const values = {
    what: c.what[whatOf(content.taskKind)],
    date: spokenDate(content.dueOn, language),
    organization: content.organization,
  };
  const texts = content.kind === 'upcoming' ? c.upcoming : c.overdue;
  return { subject: fill(texts.subject, values), text: fill(texts.body, values) };
}
