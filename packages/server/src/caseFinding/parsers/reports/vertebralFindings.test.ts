import { describe, expect, it } from 'vitest';
import { scanReportText, type VertebralFinding } from './vertebralFindings';

function only(text: string): VertebralFinding {
  const { findings } = scanReportText(text);
  expect(findings, text).toHaveLength(1);
  const [finding] = findings;
  if (finding === undefined) throw new Error('no finding');
  return finding;
}

function none(text: string): void {
  expect(scanReportText(text).findings, text).toEqual([]);
}

describe('scanReportText — Dutch findings', () => {
  it.each([
    ['Wervelfractuur Th12.', 'Wervelfractuur', ['Th12']],
    ['Er is een wervelcorpusfractuur van L1.', 'wervelcorpusfractuur', ['L1']],
    ['Wervelinzakking TH12 en L1.', 'Wervelinzakking', ['Th12', 'L1']],
    ['Inzakkingsfractuur van Th11.', 'Inzakkingsfractuur', ['Th11']],
    ['Compressiefractuur L3.', 'Compressiefractuur', ['L3']],
    ['Impressiefractuur van de bovenste dekplaat van L2.', 'Impressiefractuur', ['L2']],
    ['Hoogteverlies van het corpus van Th8 van circa 25%.', 'Hoogteverlies', ['Th8']],
    ['Wigvorming van Th7.', 'Wigvorming', ['Th7']],
    ['Th12 is ingezakt.', 'ingezakt', ['Th12']],
    ['Fractuur van Th10.', 'Fractuur', ['Th10']],
    ['L1-fractuur met 30% hoogteverlies.', 'hoogteverlies', ['L1']],
    ['Status na vertebroplastiek Th12.', 'vertebroplastiek', ['Th12']],
  ])('%j', (text, phrase, levels) => {
    const finding = only(text);
    expect(finding.phrase).toBe(phrase);
    expect(finding.levels).toEqual(levels);
    expect(finding.sentence.slice(finding.highlight.start, finding.highlight.end)).toBe(phrase);
    expect(finding.negated).toBe(false);
  });

  it('reads the Genant grade in its Dutch phrasings', () => {
    expect(only('Wigvormige deformatie van Th12, graad 2 volgens Genant.').genantGrade).toBe(2);
    expect(only('Wervelfractuur L1 (Genant graad 3).').genantGrade).toBe(3);
    expect(only('Wervelinzakking Th9, Genant-graad I.').genantGrade).toBe(1);
    expect(only('Graad 2 wervelfractuur van Th11.').genantGrade).toBe(2);
  });

  it('counts a Genant grade on its own as a finding', () => {
    const finding = only('Th12: Genant 2.');
    expect(finding).toMatchObject({ phrase: 'Genant 2', genantGrade: 2, levels: ['Th12'] });
  });

  it('highlights the finding, not the grade, when both are there', () => {
    expect(only('Wigvormige wervelfractuur Th12, graad 2 volgens Genant.').phrase).toBe('wervelfractuur');
  });
});

describe('scanReportText — English findings', () => {
  it.each([
    ['Vertebral fracture of L2.', 'Vertebral fracture', ['L2']],
    ['Acute compression fracture of L1 with bone marrow oedema.', 'compression fracture', ['L1']],
    ['Mild wedge deformity of T8 (Genant grade 1).', 'wedge deformity', ['Th8']],
    ['Vertebral collapse at T12.', 'Vertebral collapse', ['Th12']],
    ['Height loss of T12 and L1.', 'Height loss', ['Th12', 'L1']],
    ['There is a fracture of the T11 vertebral body.', 'fracture', ['Th11']],
    ['Superior endplate fracture of L3.', 'endplate fracture', ['L3']],
  ])('%j', (text, phrase, levels) => {
    const finding = only(text);
    expect(finding.phrase).toBe(phrase);
    expect(finding.levels).toEqual(levels);
  });

  it('reads the English Genant grade', () => {
    expect(only('Mild wedge deformity of T8 (Genant grade 1).').genantGrade).toBe(1);
    expect(only('Compression fracture T12, grade II (Genant).').genantGrade).toBe(2);
  });
});

describe('scanReportText — negation', () => {
  it.each([
    'Geen wervelfractuur.',
    'Geen wervelfracturen.',
    'Geen aanwijzingen voor een recente of oude wervelfractuur.',
    'Geen aanwijzingen voor fracturen, luxaties of wervelinzakkingen.',
    'Wervelkolom zonder fracturen.',
    'Er is geen hoogteverlies van de wervellichamen.',
    'Geen inzakking van Th12.',
    'Een wervelfractuur is uitgesloten.',
    'Een wervelfractuur van L1 wordt niet gezien.',
    'No vertebral fracture.',
    'No evidence of vertebral fracture.',
    'No compression fracture, wedge deformity or height loss of the thoracic vertebrae.',
    'Negative for vertebral compression fracture.',
    'Without height loss of L1.',
    'Compression fracture of L1 is ruled out.',
    'A vertebral fracture is not seen.',
    'Genant graad 0 van alle wervels.',
  ])('%j is no finding and counts as a negated mention', (text) => {
    const scan = scanReportText(text);
    expect(scan.findings).toEqual([]);
    expect(scan.negatedMentions).toBeGreaterThan(0);
  });

  it('treats "geen nieuwe" and "no new" as negated, and the known fracture beside it as a known finding', () => {
    const dutch = scanReportText('Geen nieuwe wervelfracturen. Bekende inzakking Th12, ongewijzigd.');
    expect(dutch.negatedMentions).toBe(1);
    expect(dutch.findings).toEqual([
      expect.objectContaining({ phrase: 'inzakking', known: true, levels: ['Th12'] }),
    ]);
    const english = scanReportText('No new vertebral fracture. Known compression fracture of L1, unchanged.');
    expect(english.negatedMentions).toBe(1);
    expect(english.findings).toEqual([
      expect.objectContaining({ phrase: 'compression fracture', known: true }),
    ]);
  });

  it('stops a negation at "wel", "maar", "but", "behalve" and a semicolon', () => {
    expect(only('Geen fractuur van de heup, wel een wervelinzakking van L2.').levels).toEqual(['L2']);
    expect(only('No fracture of the wrist, but a compression fracture of T12.').levels).toEqual(['Th12']);
    expect(only('Geen fracturen behalve een wervelfractuur Th6.').levels).toEqual(['Th6']);
    expect(only('Geen pneumothorax; wervelfractuur Th9.').levels).toEqual(['Th9']);
  });

  it('stops a negation at a comma unless a list continues', () => {
    expect(only('Geen recente fractuur, oude wervelinzakking Th11.')).toMatchObject({
      known: true,
      levels: ['Th11'],
    });
  });

  it('does not treat pseudo-negations as negation; "not excluded" is an uncertain finding', () => {
    expect(only('Er is geen twijfel over een wervelfractuur van Th10.')).toMatchObject({
      known: false,
      certainty: 'definite',
    });
    expect(only('Fractuur L1 niet uitgesloten.')).toMatchObject({
      levels: ['L1'],
      certainty: 'uncertain',
      certaintyCue: 'niet uitgesloten',
    });
    expect(only('A compression fracture of T12 cannot be excluded.')).toMatchObject({
      levels: ['Th12'],
      certainty: 'uncertain',
    });
  });

  it('reads "no change / no further" as a known fracture, not a negated one', () => {
    expect(only('Geen verdere inzakking van de bekende fractuur van Th12.').known).toBe(true);
    expect(only('No interval change of the T12 compression fracture.').known).toBe(true);
    expect(only('Niet-recente wervelfractuur Th7.').known).toBe(true);
  });
});

describe('scanReportText — known and new fractures', () => {
  it.each([
    'Oude wervelfractuur Th12.',
    'Bekende wervelinzakking L1.',
    'Eerder beschreven compressiefractuur van Th11, stationair.',
    'Old compression fracture of L2.',
    'Chronic T12 compression deformity.',
    'Healed vertebral fracture of T6.',
  ])('%j is a known finding', (text) => {
    expect(only(text).known).toBe(true);
  });

  it('keeps "new" findings new even in a follow-up report', () => {
    expect(only('Vergeleken met het vorige onderzoek een nieuwe compressiefractuur van L3.').known).toBe(
      false,
    );
  });

  it('does not read an age as an old fracture', () => {
    expect(only('A 78-year-old woman with a compression fracture of L1.').known).toBe(false);
  });
});

describe('scanReportText — false friends', () => {
  it.each([
    'Fractuur van de pols.',
    'Fractuur van de distale radius links.',
    'Impressiefractuur van het laterale tibiaplateau.',
    'Impressiefractuur van de humeruskop (Hill-Sachs).',
    'Ribfracturen links.',
    'Old healed fracture of the right radius.',
    'Collapse of the right lower lobe.',
    'Fractuur van de pols en degeneratieve afwijkingen van de LWK.',
    'Spondylolisthesis graad 1 van L5.',
    'Vertebral body heights are preserved.',
    'Schmorlse noduli Th8 en Th9.',
  ])('%j is not a vertebral fracture finding', (text) => {
    none(text);
  });

  it('does not read MRI sequences as vertebra levels', () => {
    const finding = only(
      'T2-gewogen opnamen tonen oedeem in het corpus van L1 passend bij een verse fractuur.',
    );
    expect(finding.levels).toEqual(['L1']);
  });

  it('excludes fractures at cervical levels only (RULES.md R1.3)', () => {
    const scan = scanReportText('Vertebral fracture of C5.');
    expect(scan.findings).toEqual([]);
    expect(scan.excludedMentions).toBe(1);
  });

  it('keeps a likely vertebral phrase without level ("Compressiefractuur.") for review', () => {
    expect(only('Compressiefractuur.').levels).toEqual([]);
  });
});

describe('scanReportText — whole reports', () => {
  it('finds every finding of a multi-sentence report, each with its own sentence and offset', () => {
    const text =
      'X-thoracale en lumbale wervelkolom.\nWigvormige wervelfractuur Th12 met 30% hoogteverlies, graad 2 volgens Genant. ' +
      'Geen wervelfractuur van L1. Daarnaast een bekende inzakking van Th8.';
    const scan = scanReportText(text);
    expect(scan.findings.map((f) => [f.levels, f.genantGrade, f.known])).toEqual([
      [['Th12'], 2, false],
      [['Th8'], undefined, true],
    ]);
    expect(scan.negatedMentions).toBe(1);
    for (const f of scan.findings) {
      expect(text.slice(f.sentenceStart, f.sentenceStart + f.sentence.length)).toBe(f.sentence);
    }
  });

  it('keeps offsets right when lower-casing would change the length of a character', () => {
    const finding = only('İnceleme: wervelfractuur Th12.');
    expect(finding.sentence.slice(finding.highlight.start, finding.highlight.end)).toBe('wervelfractuur');
  });
});
