// The patient's dates as an iCalendar file, worded in the patient's language (Dutch by default). Only
// what the patient needs in a calendar that may be synchronised anywhere: what, when, where. No BSN, no
// name, no diagnosis — and the hospital's name, not the clinic's (an osteoporosis clinic says too much).
import type { LetterLocale, UpcomingDate, UpcomingDates } from '@osteopad/contract';
import { serializeCalendar, type CalendarEvent } from './icalendar';

/** How long a timed appointment is shown; the appointments table keeps no end (a display value). */
export const APPOINTMENT_MINUTES = 60;

interface CalendarTexts {
  name: string;
  kinds: Readonly<Record<string, string>>;
  appointmentParts: Readonly<Record<string, string>>;
  appointment: string;
  other: string;
}

const TEXTS: Readonly<Record<LetterLocale, CalendarTexts>> = {
  nl: {
    name: 'Afspraken ziekenhuis',
    kinds: {
      treatment_evaluation: 'Controle 3 maanden na de start van de behandeling',
      control_visit: 'Controleafspraak',
      yearly_check: 'Jaarlijkse controle',
      denosumab_injection: 'Denosumab-injectie',
      zoledronic_acid_infusion: 'Zoledroninezuur-infuus',
      pre_infusion_blood_test: 'Bloedonderzoek vóór het infuus',
      romosozumab_injection: 'Romosozumab-injectie',
    },
    appointmentParts: {
      dxa_vfa: 'botdichtheidsmeting',
      labs: 'bloedonderzoek',
      consult: 'gesprek',
    },
    appointment: 'Afspraak in het ziekenhuis',
    other: 'Afspraak',
  },
  en: {
    name: 'Hospital appointments',
    kinds: {
      treatment_evaluation: 'Check 3 months after the start of treatment',
      control_visit: 'Check-up',
      yearly_check: 'Yearly check',
      denosumab_injection: 'Denosumab injection',
      zoledronic_acid_infusion: 'Zoledronic acid infusion',
      pre_infusion_blood_test: 'Blood test before the infusion',
      romosozumab_injection: 'Romosozumab injection',
    },
    appointmentParts: {
      dxa_vfa: 'bone density scan',
      labs: 'blood test',
      consult: 'consultation',
    },
    appointment: 'Hospital appointment',
    other: 'Appointment',
  },
};

/** The text of one date in the language: the task's kind, or the appointment with its parts. */
export function summaryOf(date: UpcomingDate, locale: LetterLocale): string {
  const texts = TEXTS[locale];
  if (date.kind !== 'appointment') return texts.kinds[date.kind] ?? texts.other;
  const parts = date.appointmentKinds.map((k) => texts.appointmentParts[k]).filter((p) => p !== undefined);
  return parts.length === 0 ? texts.appointment : `${texts.appointment}: ${parts.join(', ')}`;
}

/** `task:<uuid>` → `task-<uuid>@osteopad`: the same UID every time the file is made. */
function uidOf(id: string): string {
  return `${id.replace(':', '-')}@osteopad`;
}

export function upcomingCalendar(dates: UpcomingDates, locale: LetterLocale, now: Date): string {
  const events: CalendarEvent[] = dates.items.map((d) => ({
    uid: uidOf(d.id),
    date: d.date,
    ...(d.time === null ? {} : { time: d.time, durationMinutes: APPOINTMENT_MINUTES }),
    summary: summaryOf(d, locale),
    ...(d.location === null ? {} : { location: d.location }),
  }));
  return serializeCalendar({
    productId: '-//Osteopad//Patient dates//NL',
    name: TEXTS[locale].name,
    stampedAt: now,
    events,
  });
}
