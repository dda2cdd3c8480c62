// The episodes table rendered to HTML (no browser needed): each reason code in Dutch words, the date as
// dd-mm-jjjj, and the user's own note as written.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { EPISODE_REASON_CODES, episodeSchema, type Episode } from '@osteopad/contract';
import en from '../i18n/en.json';
import nl from '../i18n/nl.json';
import { EpisodesTable } from './EpisodesTable';

function render(episodes: readonly Episode[], language: 'nl' | 'en' = 'nl'): string {
  const i18n = createInstance();
  void i18n.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: language,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const table = createElement(EpisodesTable, { episodes, patientName: 'Jansen, Maria' });
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(
        QueryClientProvider,
        { client: new QueryClient() },
        createElement(MantineProvider, null, table),
      ),
    ),
  );
}

/** The visible text of the HTML, tags left out and entities read. */
const text = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

let next = 0;
function episode(state: string, stateReason: Episode['stateReason']): Episode {
  // Through the API schema, as the screen receives it.
  next += 1;
  return episodeSchema.parse({
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    state,
    stateReason,
    patientGroup: 'hip',
    openedOn: '2025-06-01',
    closedOn: null,
    indexFractureId: null,
  });
}

const DECISION_ID = '0197a0c1-8a4d-7c3b-9e2f-1a2b3c4d5e6f';

const CASES = {
  imported: {
    episode: episode('identified', {
      code: 'imported',
      details: { importId: '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f' },
      note: '',
    }),
    dutch: 'Gevonden bij een import',
  },
  invitation_sent: {
    episode: episode('invited', { code: 'invitation_sent', details: { sentOn: '2025-07-01' }, note: '' }),
    dutch: 'Uitnodiging verstuurd op 01-07-2025',
  },
  reminder_sent: {
    episode: episode('reminded', { code: 'reminder_sent', details: { sentOn: '2025-07-22' }, note: '' }),
    dutch: 'Herinnering verstuurd op 22-07-2025',
  },
  declined: {
    episode: episode('declined', { code: 'declined', details: { reason: 'treated_elsewhere' }, note: 'UMC' }),
    dutch: 'Doet niet mee: wordt elders behandeld Notitie: UMC',
  },
  not_eligible_after_review: {
    episode: episode('not_eligible', {
      code: 'not_eligible_after_review',
      details: { reason: 'other', reviewedBy: 'nurse.anna' },
      note: 'fissuur <geen> fractuur & "oud"',
    }),
    dutch:
      'Komt niet in aanmerking na beoordeling door nurse.anna: andere reden Notitie: fissuur <geen> fractuur & "oud"',
  },
  patient_deceased: {
    episode: episode('closed', {
      code: 'patient_deceased',
      details: { deceasedOn: '2025-08-03', importId: '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f' },
      note: '',
    }),
    dutch: 'Afgesloten: patiënt overleden op 03-08-2025',
  },
  legacy: {
    episode: episode('lost', { code: 'legacy', details: {}, note: 'moved abroad, no address' }),
    dutch: 'Eerder vastgelegd Notitie: moved abroad, no address',
  },
  intake_recorded: {
    episode: episode('intake', { code: 'intake_recorded', details: {}, note: '' }),
    dutch: 'Intake vastgelegd',
  },
  decision_recorded: {
    episode: episode('decided', {
      code: 'decision_recorded',
      details: { decisionId: DECISION_ID },
      note: '',
    }),
    dutch: 'Besluit vastgelegd',
  },
  treatment_planned: {
    episode: episode('treating', {
      code: 'treatment_planned',
      details: { decisionId: DECISION_ID, drug: 'alendronate' },
      note: '',
    }),
    dutch: 'Behandeling gepland',
  },
  no_treatment_decided: {
    episode: episode('no_treatment', {
      code: 'no_treatment_decided',
      details: { decisionId: DECISION_ID },
      note: '',
    }),
    dutch: 'Besloten: geen behandeling',
  },
  referred: {
    episode: episode('referred', { code: 'referred', details: { decisionId: DECISION_ID }, note: '' }),
    dutch: 'Verwezen naar de specialist',
  },
  appointment_planned: {
    episode: episode('intake', {
      code: 'appointment_planned',
      details: { appointmentId: '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f', date: '2025-09-01' },
      note: '',
    }),
    dutch: 'Afspraak gepland op 01-09-2025',
  },
  reopened: {
    episode: episode('identified', {
      code: 'reopened',
      details: { reason: 'patient_changed_mind', previousState: 'declined' },
      note: '',
    }),
    dutch: 'Heropend (patiënt wil alsnog)',
  },
  not_reached: {
    episode: episode('lost', { code: 'not_reached', details: { attempts: 3 }, note: '' }),
    dutch: 'Niet bereikt na 3 belpogingen',
  },
  wrong_number: {
    episode: episode('lost', { code: 'wrong_number', details: {}, note: '' }),
    dutch: 'Afgesloten: verkeerd telefoonnummer',
  },
  fracture_included: {
    episode: episode('identified', {
      code: 'fracture_included',
      details: { fractureId: '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f', reason: 'clinical_judgement' },
      note: '',
    }),
    dutch: 'Toch geïncludeerd door een behandelaar (klinisch oordeel)',
  },
  investigations_recorded: {
    episode: episode('investigated', { code: 'investigations_recorded', details: {}, note: '' }),
    dutch: 'Onderzoek vastgelegd (DXA/VFA)',
  },
  treatment_started: {
    episode: episode('follow_up', {
      code: 'treatment_started',
      details: {
        treatmentId: '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f',
        drug: 'denosumab',
        startedOn: '2026-03-02',
      },
      note: '',
    }),
    dutch: 'Behandeling gestart op 02-03-2026',
  },
  follow_up_closed: {
    episode: episode('closed', {
      code: 'follow_up_closed',
      details: { taskId: '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f', taskKind: 'gp_handover_confirmation' },
      note: '',
    }),
    dutch: 'Afgesloten: niets meer te volgen voor de polikliniek',
  },
} satisfies Record<(typeof EPISODE_REASON_CODES)[number], { episode: Episode; dutch: string }>;

describe('EpisodesTable', () => {
  it.each(EPISODE_REASON_CODES)('words the reason code %s in Dutch, with the note as written', (code) => {
    const { episode: row, dutch } = CASES[code];
    expect(text(render([row]))).toContain(` ${dutch} `);
  });

  it('never shows a reason code or a detail key itself', () => {
    const html = text(render(Object.values(CASES).map((c) => c.episode)));
    for (const word of [
      ...EPISODE_REASON_CODES,
      'sentOn',
      'reviewedBy',
      'treated_elsewhere',
      'importId',
      'deceasedOn',
    ]) {
      expect(html).not.toContain(word);
    }
  });

  it('words the reasons in English when that is the language', () => {
    const html = text(render([CASES.declined.episode, CASES.reminder_sent.episode], 'en'));
    expect(html).toContain(' Not taking part: treated elsewhere Remark: UMC ');
    expect(html).toContain(' Reminder sent on 22-07-2025 ');
  });

  it('leaves the cell empty for an episode without a reason, and shows an unknown code as it is', () => {
    const html = text(
      render([
        episode('identified', null),
        episode('lost', { code: 'lost_to_follow_up', details: { tries: 3 }, note: '' }),
      ]),
    );
    expect(html).toContain(' lost_to_follow_up ');
    expect(html).not.toContain('null');
  });
});
