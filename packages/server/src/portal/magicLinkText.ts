// The words of the e-mailed sign-in link, in the language the patient used on the portal. No medical
// detail and no name: e-mail is read on shared devices and passes servers outside the hospital.
import en from './i18n/en.json' with { type: 'json' };
import nl from './i18n/nl.json' with { type: 'json' };

export type PortalMailLanguage = 'nl' | 'en';
const CATALOGUES = { nl, en } as const;

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => values[name] ?? '');
}

export function magicLinkText(
  language: PortalMailLanguage,
  input: { organization: string; link: string; minutes: number },
): { subject: string; text: string } {
  const t = CATALOGUES[language].magicLink;
  const values = { organization: input.organization, minutes: String(input.minutes) };
  return {
    subject: fill(t.subject, values),
    text: [
      t.greeting,
      '',
      fill(t.intro, values),
      fill(t.action, values),
      input.link,
      '',
      t.notYou,
      '',
      t.closing,
      input.organization,
      '',
    ].join('\n'),
  };
}
