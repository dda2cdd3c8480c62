import { addDays } from '@osteopad/clinical';
import { demoPatients } from './demoData';
import { DEMO_DENOSUMAB_OVERDUE } from './demoFollowUp';

/** Fictional fracture sites with how a hospital export would name them (text, ICD-10, contact). */
const DEMO_FRACTURES: readonly (readonly [text: string, icd10: string, encounter: string])[] = [
  ['collum femoris fractuur', 'S72.0', 'opname'],
  ['distale radiusfractuur', 'S52.5', 'SEH'],
  ['wervelfractuur L1', 'S32.0', 'poli'],
  ['proximale humerusfractuur', 'S42.2', 'SEH'],
  ['enkelfractuur', 'S82.6', 'SEH'],
  ['bekkenfractuur', 'S32.5', 'opname'],
  ['ribfractuur', 'S22.3', 'SEH'],
  ['teenfractuur', 'S92.5', 'SEH'],
  ['metacarpale fractuur', 'S62.3', 'poli'],
  ['fractuur sesambeen hallux', '', 'SEH'],
  ['pertrochantere femurfractuur', 'S72.1', 'opname'],
  ['schedelfractuur', 'S02.0', 'opname'],
];

/**
 * A small hospital export in Dutch, as the demo would receive it: the demo patients with recent
 * fractures (a few weeks to four months before `today`), including excluded sites, an unknown site
 * for manual review and one high-energy trauma. It goes through the real CSV import.
 */
export function demoFractureCsv(today: string, count = 40): string {
  const header =
    'patientnummer;bsn;achternaam;voornamen;voorletters;geboortedatum;geslacht;straat;huisnummer;postcode;woonplaats;huisarts;huisarts_agb;fractuurdatum;locatie;icd10;soort_contact;traumamechanisme;pathologisch';
  const lines = demoPatients(count).map((p, i) => {
    const [text, icd10, encounter] = DEMO_FRACTURES[i % DEMO_FRACTURES.length] ??
      DEMO_FRACTURES[0] ?? ['', '', ''];
    const [y, m, d] = p.birthDate.split('-');
    return [
      p.sourceId,
      p.bsn,
      p.familyName,
      p.givenNames,
      p.initials,
      `${d ?? ''}-${m ?? ''}-${y ?? ''}`,
      p.sex === 'female' ? 'V' : 'M',
      p.street,
      p.houseNumber,
      p.postalCode,
      p.city,
      p.gpName,
      p.gpAgbCode,
      // 50 to 170 days ago: recent (R1), and clear of the date windows the browser tests use; the
      // follow-up demo's denosumab patient 230 days ago, so her course can be 6½ months old.
      addDays(today, i === DEMO_DENOSUMAB_OVERDUE ? -230 : -(50 + ((i * 13) % 120))),
      text,
      icd10,
      encounter,
      i === 17 ? 'hoog' : 'laag',
      'nee',
    ]
      .map((v) => v ?? '')
      .join(';');
  });
  return [header, ...lines].join('\n') + '\n';
}
