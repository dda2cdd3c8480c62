import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LetterInputError } from '../letterInputError';
import { demoOrganization } from '../test-support/sampleLetters';
import { consultLetterInput, normalDecision, osteoporosisDecision } from '../test-support/consultLetters';
import { pdfInfo, pdfPages, squashSpaces } from '../test-support/pdfTools';
import { renderGpLetter } from './gpLetter';
import { renderResultLetter } from './resultLetter';

async function textOf(pdf: Buffer): Promise<string> {
  return squashSpaces((await pdfPages(pdf)).join('\n'));
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('renderResultLetter: the patient’s letter', () => {
  it('says in plain Dutch what was found, what it means, the plan, how to take the medicine and whom to call', async () => {
    const text = await textOf(await renderResultLetter(consultLetterInput(), 'nl'));
    for (const expected of [
      'Ziekenhuis Demostad',
      'J.M. de Vries',
      '9999 AA DEMOSTAD',
      'Demostad, 24 november 2026',
      'Geachte mevrouw De Vries,',
      'Op 24 november 2026 hebben wij de uitslagen van uw onderzoek met u besproken.',
      'U heeft botontkalking. Een ander woord daarvoor is osteoporose.',
      'Op de scan van uw rug zagen we een breuk in een of meer wervels.',
      'Wat betekent dit voor u?',
      'U gaat een medicijn gebruiken dat uw botten sterker maakt: alendroninezuur.',
      'Hoeveel: 70 mg als tablet, één keer per week.',
      "Neem de tablet 's ochtends op een lege maag",
      'Blijf daarna minstens 30 minuten rechtop staan of zitten.',
      'spierpijn op de dag dat u de tablet neemt',
      'Vertel uw tandarts dat u dit medicijn gebruikt',
      'U heeft elke dag 1200 mg calcium nodig.',
      'Neem daarom elke dag ook een calciumtablet van 500 mg.',
      'Neem elke dag 800 IE vitamine D3 (20 microgram).',
      'één keer per week 5600 IE',
      'Beweeg elke dag 30 minuten',
      'fysiotherapeut (kracht en balans), vóór 15 december 2026',
      '24 februari 2027: gesprek over hoe het gaat met het medicijn (bij de verpleegkundige van onze polikliniek)',
      'Na dit onderzoek begeleidt uw huisarts de behandeling van uw botten.',
      'Bel ons gerust op (099) 123 45 67 (maandag tot en met vrijdag van 8.30 tot 16.30 uur).',
      'fractuurpreventie@demostad.example',
      'Uw huisarts krijgt ook een brief',
      'Met vriendelijke groet,',
      'Dr. A. Bakker, specialist',
      'Osteoporosepolikliniek',
    ]) {
      expect(text).toContain(expected);
    }
    // The patient's letter explains; it prints no T-scores or table jargon.
    expect(text).not.toMatch(/T-score|Genant|-2,7/);
  });

  it('has the same parts in English', async () => {
    const text = await textOf(await renderResultLetter(consultLetterInput(), 'en'));
    for (const expected of [
      'Demostad, 24 November 2026',
      'Dear Ms De Vries,',
      'You have thinning bones. Another word for it is osteoporosis.',
      'You will use a medicine that makes your bones stronger: alendronic acid.',
      'How much: 70 mg as a tablet, once a week.',
      'Then stay standing or sitting upright for at least 30 minutes.',
      'You need 1200 mg of calcium every day.',
      'Take 800 IU of vitamin D3 (20 micrograms) every day.',
      '24 February 2027: talk about how the medicine is going (with the nurse of our clinic)',
      'Please call us on (099) 123 45 67',
      'Kind regards,',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/botontkalking|Geachte|medicijn/);
  });

  it('words a normal result without medication and without follow-up', async () => {
    const text = await textOf(
      await renderResultLetter(consultLetterInput({ decision: normalDecision }), 'nl'),
    );
    expect(text).toContain('Uw botten zijn normaal stevig. U heeft geen botontkalking.');
    expect(text).toContain('Op de scan van uw rug zagen we geen breuk in uw wervels.');
    expect(text).toContain('U hoeft geen medicijn voor uw botten te gebruiken.');
    expect(text).toContain('U hoeft voor uw botten niet terug te komen voor controle.');
    expect(text).not.toContain('Zo gebruikt u het medicijn');
    expect(text).not.toContain('vitamine D3');
  });

  it('tells the patient to wait when vitamin D comes first (R13.4)', async () => {
    const decision = structuredClone(osteoporosisDecision);
    if (decision.plan.medication !== null) decision.plan.medication.startAfterWeeks = 6;
    const text = await textOf(await renderResultLetter(consultLetterInput({ decision }), 'nl'));
    expect(text).toContain('Begin pas over 6 weken met dit medicijn.');
  });

  it('leaves out the GP sentence when no GP is known', async () => {
    const text = await textOf(await renderResultLetter(consultLetterInput({ gp: null }), 'nl'));
    expect(text).not.toContain('Uw huisarts krijgt ook een brief');
  });
});

describe('renderGpLetter: the hand-over letter', () => {
  it('gives the diagnosis, the DXA per site, the VFA, the labs, the plan and the follow-up table', async () => {
    const text = await textOf(await renderGpLetter(consultLetterInput(), 'nl'));
    for (const expected of [
      'H. Smit',
      'Huisartsenpraktijk De Linde',
      'Lindelaan 4, 9999 AB Demostad',
      'Betreft: J.M. de Vries, geboren 5 maart 1948',
      'Geachte collega,',
      'Osteoporose (laagste T-score -2,7, heupkop (collum femoris)).',
      'VFA: één matige wervelfractuur (Genant graad 2).',
      'Gemeten op 10 november 2026.',
      'Meetplaats BMD (g/cm²) T-score Z-score',
      'lendenwervels (L1–L4) 0,812 -2,1 -1,2',
      'heup (totaal) 0,661 -2,3 -1,0',
      'heupkop (collum femoris) 0,534 -2,7 -1,4',
      'T12: Genant graad 2 (matig)',
      'Calcium, gecorrigeerd voor albumine 2,31 mmol/l 2,2–2,6 normaal',
      '25-OH-vitamine D 42 nmol/l ≥ 50 laag',
      'Medicatie: alendroninezuur, 70 mg als tablet, één keer per week.',
      'Blijf daarna minstens 30 minuten rechtop staan of zitten.',
      'Calcium: behoefte 1200 mg per dag. Inname uit voeding: ongeveer 700 mg per dag. Suppletie: 500 mg calcium per dag. Vitamine D3: 800 IE per dag.',
      'fysiotherapeut (kracht en balans), vóór 15 december 2026',
      'Hoofdbehandelaar na deze overdracht: de huisarts.',
      'Wat Wie Wanneer',
      // A long "what" wraps inside its cell; who and when stay on the row's first line.
      'Evaluatie na start (verdraagzaamheid, Verpleegkundige fractuurpreventie 24 februari 2027',
      'Jaarlijkse controle Huisarts 24 november 2027',
      'Herbeoordeling na de standaardduur (nieuwe Huisarts 24 november 2031',
      'Met collegiale groet,',
      'Dr. A. Bakker, specialist',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('has the same parts in English', async () => {
    const text = await textOf(await renderGpLetter(consultLetterInput(), 'en'));
    for (const expected of [
      'Re: J.M. de Vries, born 5 March 1948',
      'Dear colleague,',
      'Osteoporosis (lowest T-score -2.7, femoral neck).',
      'VFA: one moderate vertebral fracture (Genant grade 2).',
      'Site BMD (g/cm²) T-score Z-score',
      'femoral neck 0.534 -2.7 -1.4',
      '25-OH vitamin D 42 nmol/l ≥ 50 low',
      'Medication: alendronic acid, 70 mg as a tablet, once a week.',
      'Main practitioner after this hand-over: the GP.',
      'What Who When',
      'Yearly check GP 24 November 2027',
      'With collegial regards,',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/Geachte|\bOsteoporose\b|\bhuisarts\b|\bHuisarts\b/);
  });

  it('states that nothing follows up after a normal result', async () => {
    const text = await textOf(await renderGpLetter(consultLetterInput({ decision: normalDecision }), 'nl'));
    expect(text).toContain('Normale botdichtheid (laagste T-score -0,6, lendenwervels (L1–L4)).');
    expect(text).toContain('Medicatie: geen fractuurpreventieve medicatie.');
    expect(text).toContain('Hoofdbehandelaar: geen verdere follow-up nodig.');
    expect(text).toContain('Geen verdere follow-up voor de botten.');
  });

  it('refuses a GP letter when the patient record names no GP', async () => {
    await expect(renderGpLetter(consultLetterInput({ gp: null }), 'nl')).rejects.toMatchObject({
      field: 'gp',
    });
  });
});

describe('consult letters: determinism and metadata', () => {
  it('gives byte-identical PDFs, and so the same text, for the same input', async () => {
    for (const render of [renderResultLetter, renderGpLetter]) {
      const first = await render(consultLetterInput(), 'nl');
      const second = await render(structuredClone(consultLetterInput()), 'nl');
      expect(sha256(second)).toBe(sha256(first));
      expect(await textOf(second)).toBe(await textOf(first));
    }
  });

  it('dates the PDF on the decision day and names the organisation, never the patient, in its metadata', async () => {
    const info = await pdfInfo(await renderResultLetter(consultLetterInput(), 'nl'));
    expect(info.get('Title')).toBe('Uitslag onderzoek botontkalking');
    expect(info.get('Author')).toBe(demoOrganization.name);
    expect(info.get('CreationDate')).toMatch(/^2026-11-24T00:00:00/);
    expect([...info.values()].join(' ')).not.toContain('Vries');
  });
});

describe('consult letters: text the fonts cannot print', () => {
  it('refuses a character without a glyph in the letter font, naming the field', async () => {
    const input = consultLetterInput();
    const withChinese = { ...input, patient: { ...input.patient, familyName: '王 de Vries' } };
    const error = await renderResultLetter(withChinese, 'nl').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LetterInputError);
    expect(error).toMatchObject({ field: 'patient.familyName' });
    expect((error as LetterInputError).reason).toMatch(/U\+738B .*cannot print/);
  });

  it('refuses an emoji in the GP practice name and a control character in the clinician’s name', async () => {
    const input = consultLetterInput();
    await expect(
      renderGpLetter({ ...input, gp: { ...input.gp, practiceName: 'Praktijk 😀' } }, 'nl'),
    ).rejects.toMatchObject({ field: 'gp.practiceName' });
    const decision = {
      ...osteoporosisDecision,
      decidedBy: { displayName: 'Dr.\u202EA', role: 'specialist' },
    };
    await expect(renderGpLetter({ ...input, decision }, 'nl')).rejects.toMatchObject({
      field: 'decision.decidedBy.displayName',
    });
  });

  it('prints the Latin, Greek and Cyrillic letters of names the font has', async () => {
    const input = consultLetterInput();
    const patient = { ...input.patient, familyName: 'Łukasiewicz-Ørsted Ξενάκη Жуков' };
    const text = await textOf(await renderResultLetter({ ...input, patient }, 'nl'));
    expect(text).toContain('Łukasiewicz-Ørsted Ξενάκη Жуков');
  });

  it('refuses a code the letters have no words for, naming the field', async () => {
    const decision = {
      ...osteoporosisDecision,
      plan: { ...osteoporosisDecision.plan, lifestyle: ['eat_more_cake'] },
    };
    await expect(renderResultLetter({ ...consultLetterInput(), decision }, 'nl')).rejects.toMatchObject({
      field: 'decision.plan.lifestyle.0',
    });
  });
});
