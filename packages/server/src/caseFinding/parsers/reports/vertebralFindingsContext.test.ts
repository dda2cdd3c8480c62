// The project's own sentences (Dutch first, English equivalents) for the context rules of the report scanner:
// questions, hypotheses and general statements are no findings, disc ranges are no vertebrae, hedged findings are
// uncertain. Written for these tests; none is copied from a report or a web page.
import { describe, expect, it } from 'vitest';
import { scanReportText, type IgnoredReason, type VertebralFinding } from './vertebralFindings';

function only(text: string): VertebralFinding {
  const { findings } = scanReportText(text);
  expect(findings, text).toHaveLength(1);
  const [finding] = findings;
  if (finding === undefined) throw new Error('no finding');
  return finding;
}

/** No finding, and every fracture phrase of the text was ignored for `reason`, with `cue` as the deciding words. */
function ignoredAs(text: string, reason: IgnoredReason, cue: string): void {
  const scan = scanReportText(text);
  expect(scan.findings, text).toEqual([]);
  expect(scan.ignored.length, text).toBeGreaterThan(0);
  for (const mention of scan.ignored) expect(mention, text).toMatchObject({ reason, cue });
}

describe('definite findings in Dutch', () => {
  it.each([
    ['Wigvormige deformatie van Th12, Genant graad 2.', 'Wigvormige', ['Th12'], 2, false],
    ['Recente impressiefractuur L1.', 'impressiefractuur', ['L1'], undefined, false],
    ['Inzakking van de dekplaat van L3 met 30% hoogteverlies.', 'Inzakking', ['L3'], undefined, false],
    [
      'Deformatie van het corpus van Th9 passend bij een oude fractuur.',
      'Deformatie',
      ['Th9'],
      undefined,
      true,
    ],
    ['Conclusie: biconcave vervorming van L2, graad 1 volgens Genant.', 'biconcave', ['L2'], 1, false],
    [
      'Ten opzichte van vorig jaar nieuw hoogteverlies van Th11 en Th12.',
      'hoogteverlies',
      ['Th11', 'Th12'],
      undefined,
      false,
    ],
    ['Toevalsbevinding op de CT-thorax: ingezakte wervel Th7.', 'ingezakte', ['Th7'], undefined, false],
    ['Letsel van Th12 met hoogteverlies aan de voorzijde.', 'hoogteverlies', ['Th12'], undefined, false],
    ['Wervelfracturen Th6 t/m Th9.', 'Wervelfracturen', ['Th6', 'Th9'], undefined, false],
    ['Compressiefracturen Th12-L1.', 'Compressiefracturen', ['Th12', 'L1'], undefined, false],
  ])('%j', (text, phrase, levels, grade, known) => {
    const finding = only(text);
    expect(finding).toMatchObject({ phrase, levels, known, certainty: 'definite' });
    expect(finding.genantGrade).toBe(grade);
    expect(finding.certaintyCue).toBeUndefined();
  });

  it('finds a known vertebral fracture named in a hip fracture report', () => {
    expect(
      only('Pertrochantere femurfractuur rechts bij een patiënte met bekende wervelinzakkingen.'),
    ).toMatchObject({ phrase: 'wervelinzakkingen', known: true, certainty: 'definite' });
  });
});

describe('uncertain findings', () => {
  it.each([
    ['Mogelijk een geringe impressie van de bovenste dekplaat van L1.', 'Mogelijk', ['L1']],
    ['Waarschijnlijk een oude wigvormige fractuur van Th8.', 'Waarschijnlijk', ['Th8']],
    ['Beeld verdacht voor een compressiefractuur van L4.', 'verdacht voor', ['L4']],
    ['Een wervelfractuur van Th10 is niet uit te sluiten.', 'niet uit te sluiten', ['Th10']],
    ['Verdenking op inzakking van Th12; aanvullend MRI geadviseerd.', 'Verdenking op', ['Th12']],
    ['Er kan sprake zijn van een lichte wigvorming van Th6.', 'kan', ['Th6']],
    ['Wervelkolom: ? compressiefractuur L1, vergelijken met eerdere opname.', '?', ['L1']],
    ['Possible compression fracture of T11.', 'Possible', ['Th11']],
    ['Suspected insufficiency fracture of L2.', 'Suspected', ['L2']],
    ['A mild wedge deformity of T7 cannot be excluded.', 'cannot be excluded', ['Th7']],
  ])('%j is uncertain (cue %j)', (text, cue, levels) => {
    expect(only(text)).toMatchObject({ certainty: 'uncertain', certaintyCue: cue, levels });
  });

  it('reads a "?" under the conclusion as doubt, not as a question', () => {
    expect(only('Conclusie: compressiefractuur L1?')).toMatchObject({
      certainty: 'uncertain',
      certaintyCue: '?',
      levels: ['L1'],
    });
  });

  it('keeps the hedge to its own clause', () => {
    const scan = scanReportText('Geen wervelfractuur van L1, wel mogelijk wigvorming van Th8.');
    expect(scan.findings).toEqual([
      expect.objectContaining({ levels: ['Th8'], certainty: 'uncertain', certaintyCue: 'mogelijk' }),
    ]);
    expect(scan.negatedMentions).toBe(1);
  });

  it('does not read doubt about the age or the cause as doubt about the fracture', () => {
    expect(only('Compression fracture of L1, likely osteoporotic.').certainty).toBe('definite');
    expect(only('Wervelfractuur Th12, mogelijk oud.').certainty).toBe('definite');
  });
});

describe('questions are not findings', () => {
  it.each([
    ['Vraagstelling: wervelfractuur na val?', 'Vraagstelling:'],
    ['X-LWK ter uitsluiting van een wervelfractuur.', 'ter uitsluiting van'],
    ['Rugpijn na tillen, t.u.v. fractuur L1.', 't.u.v.'],
    ['Klinische vraag: is er een inzakkingsfractuur van Th12?', 'Klinische vraag:'],
    ['Wervelfractuur Th12?', '?'],
    ['Graag beoordelen op inzakkingen van de thoracale wervels.', 'beoordelen op'],
    ['Indication: back pain, rule out compression fracture.', 'Indication:'],
    ['Evaluate for vertebral fracture.', 'Evaluate for'],
    ['To rule out a vertebral fracture after a fall.', 'To rule out'],
    ['R/O compression fracture L1.', 'R/O'],
  ])('%j', (text, cue) => {
    ignoredAs(text, 'question', cue);
  });

  it('keeps the question section to the lines it covers', () => {
    const text =
      'Klinische gegevens: val van de trap.\nVraagstelling:\nrugpijn, wervelfractuur?\nInzakking Th12?\n\n' +
      'Bevindingen: impressiefractuur van de bovenste dekplaat van L1.\nConclusie: wervelfractuur L1?';
    const scan = scanReportText(text);
    expect(scan.findings.map((f) => [f.phrase, f.levels, f.certainty])).toEqual([
      ['impressiefractuur', ['L1'], 'definite'],
      ['wervelfractuur', ['L1'], 'uncertain'],
    ]);
    expect(scan.ignored.map((m) => [m.phrase, m.reason, m.cue])).toEqual([
      ['wervelfractuur', 'question', 'Vraagstelling:'],
      ['Inzakking', 'question', 'Vraagstelling:'],
    ]);
    expect(scan.notAssertedMentions).toBe(2);
  });

  it('ends a question header with text after it at the end of its line', () => {
    const scan = scanReportText('Vraagstelling: wervelfractuur?\nWigvormige fractuur van Th12.');
    expect(scan.findings.map((f) => f.levels)).toEqual([['Th12']]);
  });
});

describe('hypotheses and general statements are not findings', () => {
  it.each([
    [
      'Bij osteoporose kan door een geringe val een wervelfractuur ontstaan.',
      'hypothetical',
      'kan … ontstaan',
    ],
    ['Verhoogd risico op wervelfracturen bij deze botdichtheid.', 'hypothetical', 'Verhoogd risico op'],
    ['Start behandeling om nieuwe wervelfracturen te voorkomen.', 'hypothetical', 'te voorkomen'],
    ['Indien er sprake is van een wervelfractuur, graag een MRI.', 'hypothetical', 'Indien'],
    ['Osteoporosis can cause vertebral compression fractures.', 'hypothetical', 'can … cause'],
    ['If a vertebral fracture is present, MRI is advised.', 'hypothetical', 'If'],
    ['Patiënten met osteoporose krijgen vaak wervelfracturen.', 'generic', 'Patiënten'],
    [
      'Een wervelinzakking, ook wel compressiefractuur genoemd, ontstaat meestal in de borstwervels.',
      'generic',
      'ook wel compressiefractuur genoemd',
    ],
    ['Op de foto wordt gekeken of uw wervels zijn ingezakt.', 'question', 'gekeken of'],
    ['Patients with osteoporosis may develop vertebral fractures.', 'generic', 'Patients'],
    ['Wervelfracturen komen veel voor bij ouderen.', 'generic', 'komen veel voor bij'],
    ['Vertebral compression fractures are common in elderly women.', 'generic', 'are common in'],
  ] as const)('%j', (text, reason, cue) => {
    ignoredAs(text, reason, cue);
  });

  it.each([
    ['Fractuur van Th12, graag verwijzing naar de FLS om verdere fracturen te voorkomen.', ['Th12']],
    ['Compressiefractuur L1, bij vrouwen van deze leeftijd meestal osteoporotisch.', ['L1']],
    ['Bij uw patiënte een wigvormige fractuur van Th11.', ['Th11']],
    ['Biconcave deformatie van Th10 tot en met Th12, zogenaamde vissenwervels.', ['Th10', 'Th12']],
    ['Volgens de definitie van Genant: graad 2 wervelfractuur Th12.', ['Th12']],
    ['Beoordeling op fracturen: wigvorming van Th9.', ['Th9']],
    ['Bij de val kan een wervelfractuur van Th12 ontstaan zijn.', ['Th12']],
    ['If compared with the prior study, the T12 compression fracture is new.', ['Th12']],
  ])('keeps the finding in %j', (text, levels) => {
    expect(only(text).levels).toEqual(levels);
  });

  it('keeps a real finding whose consequence is hypothetical', () => {
    expect(only('Wervelfractuur Th12 die kan leiden tot toenemende kyfose.').levels).toEqual(['Th12']);
    expect(only('De compressiefractuur van L1 kan pijn veroorzaken.').levels).toEqual(['L1']);
  });
});

describe('disc spaces are not vertebrae', () => {
  it.each([
    'Hoogteverlies van de tussenwervelruimte L4-L5.',
    'Hoogteverlies van de discus L3/L4.',
    'Hoogteverlies L4-L5 en L5-S1.',
    'Loss of height at L1-L2 and L2-L3 with disc desiccation.',
    'Disc height loss at L5/S1.',
  ])('%j is no finding', (text) => {
    expect(scanReportText(text).findings).toEqual([]);
  });

  it('drops the disc range and keeps the vertebra of the same clause', () => {
    expect(only('Wigvormige fractuur van Th12 en discusprotrusie L4/L5.').levels).toEqual(['Th12']);
    expect(only('Compression fracture of L1 and a disc bulge at L4-5.').levels).toEqual(['L1']);
  });
});

describe('other bones and cervical levels', () => {
  it.each([
    'Fractuur van de achtste rib links, ter hoogte van Th8.',
    'Rib fracture at the level of T7.',
    'Impressiefractuur van de heupkop.',
    'Distale radiusfractuur links; L1 niet afgebeeld.',
    'Spinal cord injury at T10 without osseous lesion.',
    'Kyfotische deformatie van de thoracale wervelkolom.',
    'Compressie van de trachea door een struma.',
    'Ter hoogte van C6 een lymfklier van 12 mm.',
    'Fractuur van S1 links.',
    'Insufficiency fracture of S1 and S2.',
  ])('%j is no vertebral fracture finding', (text) => {
    expect(scanReportText(text).findings).toEqual([]);
  });

  it('excludes cervical fractures (RULES.md R1.3) and says which level', () => {
    ignoredAs('Wervelfractuur C6.', 'cervical', 'C6');
    ignoredAs('Inzakking van de wervels C5 en C6 na val.', 'cervical', 'C5, C6');
    expect(only('Compressiefractuur C7 en Th1.').levels).toEqual(['Th1']);
  });
});

describe('negation and colons', () => {
  it('does not carry a negation across a colon', () => {
    expect(only('Geen veranderingen: bekende wervelinzakkingen Th12 en L1.')).toMatchObject({
      levels: ['Th12', 'L1'],
      known: true,
    });
    expect(scanReportText('Wervelkolom: geen wervelfractuur.').findings).toEqual([]);
  });
});

describe('traceability', () => {
  it('names the negation cue of a negated mention', () => {
    const scan = scanReportText('Geen aanwijzingen voor een wervelfractuur.');
    expect(scan.ignored).toEqual([
      {
        sentence: 'Geen aanwijzingen voor een wervelfractuur.',
        sentenceStart: 0,
        highlight: { start: 27, end: 41 },
        phrase: 'wervelfractuur',
        reason: 'negated',
        cue: 'Geen aanwijzingen voor',
      },
    ]);
    expect(scan.negatedMentions).toBe(1);
  });
});
