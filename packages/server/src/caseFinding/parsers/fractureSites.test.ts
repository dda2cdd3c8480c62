import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ICD10_SITE_RULES,
  isBoneMetastasisCode,
  mapIcd10ToSite,
  mapSiteCode,
  mapSnomedToSite,
  matchSiteText,
  mentionsFracture,
  parseIcd10Code,
  SNOMED_SITE_RULES,
} from './fractureSites';
describe('parseIcd10Code', () => {
  it.each([
    ['S72.0', 'S72.0'],
    ['s72.00', 'S72.00'],
    ['S7200', 'S72.00'],
    [' S72 .0 ', 'S72.0'],
    ['C79.5†', 'C79.5'],
    ['M80.08', 'M80.08'],
    ['S72', 'S72'],
  ])('normalises %j to %s', (raw, code) => {
    expect(parseIcd10Code(raw)?.code).toBe(code);
  });

  it.each(['', '72.0', 'SS72', 'heup', 'S7', '12345'])('refuses %j', (raw) => {
    expect(parseIcd10Code(raw)).toBeNull();
  });
});

describe('mapIcd10ToSite', () => {
  it.each([
    ['S72.0', 'femur_proximal'],
    ['S72.1', 'femur_proximal'],
    ['S72.2', 'femur_proximal'],
    ['S72.3', 'femur_other'],
    ['S72.9', 'femur_other'],
    ['S22.0', 'spine_thoracolumbar'],
    ['S22.1', 'spine_thoracolumbar'],
    ['S32.0', 'spine_thoracolumbar'],
    ['S22.2', 'sternum_ribs'],
    ['S22.4', 'sternum_ribs'],
    ['S32.1', 'pelvis'],
    ['S32.4', 'acetabulum'],
    ['S32.5', 'pelvis'],
    ['S42.0', 'clavicle'],
    ['S42.1', 'scapula'],
    ['S42.3', 'humerus'],
    ['S52.0', 'olecranon'],
    ['S52.5', 'radius_forearm_wrist'],
    ['S62.0', 'carpus'],
    ['S62.3', 'metacarpals'],
    ['S62.6', 'fingers'],
    ['S82.0', 'patella'],
    ['S82.1', 'tibial_plateau'],
    ['S82.2', 'tibia'],
    ['S82.4', 'fibula'],
    ['S82.6', 'ankle'],
    ['S82.8', 'ankle'],
    ['S92.0', 'calcaneus'],
    ['S92.1', 'talus'],
    ['S92.2', 'tarsus'],
    ['S92.3', 'metatarsals'],
    ['S92.4', 'toes'],
    ['S02.0', 'skull'],
    ['S02.6', 'face'],
    ['S12.1', 'spine_cervical'],
  ])('%s → %s', (code, site) => {
    expect(mapIcd10ToSite(code)).toEqual({ siteCode: site, matchedBy: 'icd10' });
  });

  it('accepts extra characters, with or without dot', () => {
    expect(mapIcd10ToSite('S72.00')?.siteCode).toBe('femur_proximal');
    expect(mapIcd10ToSite('S7201')?.siteCode).toBe('femur_proximal');
    expect(mapIcd10ToSite('s52.51')?.siteCode).toBe('radius_forearm_wrist');
  });

  it('gives a null site for ambiguous fracture codes, which go to manual review', () => {
    for (const code of ['T08', 'T10', 'T12', 'T02.1', 'T14.2', 'S72', 'S42.7', 'S82.7', 'S12.8', 'S62.8']) {
      expect(mapIcd10ToSite(code), code).toEqual({ siteCode: null, matchedBy: 'icd10' });
    }
  });

  it('treats an unlisted subcategory of a fracture category as a fracture with unknown site', () => {
    expect(mapIcd10ToSite('S72.5')).toEqual({ siteCode: null, matchedBy: 'icd10' });
  });

  it('reads the M80 site from the 5th character, null for regions spanning several sites', () => {
    expect(mapIcd10ToSite('M80.02')?.siteCode).toBe('humerus');
    expect(mapIcd10ToSite('M8003')?.siteCode).toBe('radius_forearm_wrist');
    expect(mapIcd10ToSite('M80.05')?.siteCode).toBeNull();
    expect(mapIcd10ToSite('M80.08')?.siteCode).toBeNull();
    expect(mapIcd10ToSite('M80.0')).toEqual({ siteCode: null, matchedBy: 'icd10' });
  });

  it('does not call an osteoporotic fracture (M80) pathological', () => {
    expect(mapIcd10ToSite('M80.03')?.pathological).toBeUndefined();
  });

  it('flags pathological fracture codes and bone metastasis', () => {
    expect(mapIcd10ToSite('M84.43')).toEqual({
      siteCode: 'radius_forearm_wrist',
      pathological: true,
      matchedBy: 'icd10',
    });
    expect(mapIcd10ToSite('M84.5')).toEqual({ siteCode: null, pathological: true, matchedBy: 'icd10' });
    expect(mapIcd10ToSite('C79.5')).toEqual({ siteCode: null, pathological: true, matchedBy: 'icd10' });
    expect(isBoneMetastasisCode('C79.51')).toBe(true);
    expect(isBoneMetastasisCode('C79.3')).toBe(false);
  });

  it('reads the spinal region of a collapsed vertebra (M48.5)', () => {
    expect(mapIcd10ToSite('M48.56')?.siteCode).toBe('spine_thoracolumbar');
    expect(mapIcd10ToSite('M48.52')?.siteCode).toBe('spine_cervical');
    expect(mapIcd10ToSite('M48.53')?.siteCode).toBeNull();
    expect(mapIcd10ToSite('M48.5')?.siteCode).toBeNull();
  });

  it('reads a stress fracture site (M84.3)', () => {
    expect(mapIcd10ToSite('M84.32')?.siteCode).toBe('humerus');
  });

  it('returns null for codes that are not fractures', () => {
    for (const code of ['I10', 'M81.0', 'S73.0', 'S03.0', 'T14.0', 'M84.1', 'J18.9']) {
      expect(mapIcd10ToSite(code), code).toBeNull();
    }
  });
});

describe('mapSnomedToSite', () => {
  it('maps the concepts of the table', () => {
    expect(mapSnomedToSite('5913000')).toEqual({ siteCode: 'femur_proximal', matchedBy: 'snomed' });
    expect(mapSnomedToSite('42942008')).toEqual({ siteCode: 'spine_thoracolumbar', matchedBy: 'snomed' });
    expect(mapSnomedToSite('268029009')).toEqual({ siteCode: null, pathological: true, matchedBy: 'snomed' });
  });

  it('never reads 46866001 as a vertebral fracture (INTEROP.md §5)', () => {
    expect(mapSnomedToSite('46866001')?.siteCode).toBeNull();
  });

  it('returns null for unknown concepts', () => {
    expect(mapSnomedToSite('38341003')).toBeNull();
  });

  it('marks every concept as SOURCE or UNCONFIRMED', () => {
    for (const rule of SNOMED_SITE_RULES) expect(['SOURCE', 'UNCONFIRMED']).toContain(rule.status);
  });
});

describe('mapSiteCode', () => {
  it('accepts our own codes in any case and with spaces or hyphens', () => {
    expect(mapSiteCode('femur_proximal')).toEqual({ siteCode: 'femur_proximal', matchedBy: 'code' });
    expect(mapSiteCode(' Femur-Proximal ')).toEqual({ siteCode: 'femur_proximal', matchedBy: 'code' });
    expect(mapSiteCode('spine cervical')?.siteCode).toBe('spine_cervical');
  });

  it('returns null for anything else', () => {
    expect(mapSiteCode('heup')).toBeNull();
    expect(mapSiteCode('sesamoid_hallux')).toBeNull();
  });
});

describe('matchSiteText', () => {
  it.each([
    ['heup', 'femur_proximal'],
    ['Heupfractuur rechts', 'femur_proximal'],
    ['collum femoris', 'femur_proximal'],
    ['mediale collumfractuur', 'femur_proximal'],
    ['pertrochantere femurfractuur', 'femur_proximal'],
    ['proximale femur / heup', 'femur_proximal'],
    ['hip fracture', 'femur_proximal'],
    ['femurschacht', 'femur_other'],
    ['distale femur', 'femur_other'],
    ['pols', 'radius_forearm_wrist'],
    ['polsfractuur links', 'radius_forearm_wrist'],
    ['distale radius', 'radius_forearm_wrist'],
    ['Colles', 'radius_forearm_wrist'],
    ['distal radius fracture', 'radius_forearm_wrist'],
    ['wervel', 'spine_thoracolumbar'],
    ['wervelfractuur L1', 'spine_thoracolumbar'],
    ['compressiefractuur Th12', 'spine_thoracolumbar'],
    ['vertebral fracture', 'spine_thoracolumbar'],
    ['cervicale wervel', 'spine_cervical'],
    ['wervelfractuur C5', 'spine_cervical'],
    ['nekwervel', 'spine_cervical'],
    ['rib', 'sternum_ribs'],
    ['ribfracturen', 'sternum_ribs'],
    ['sternum', 'sternum_ribs'],
    ['enkel', 'ankle'],
    ['enkelfractuur Weber B', 'ankle'],
    ['bimalleolaire fractuur', 'ankle'],
    ['distale fibula / enkel', 'ankle'],
    ['fibula', 'fibula'],
    ['tibia en fibula', 'tibia'],
    ['tibiaplateau', 'tibial_plateau'],
    ['bekken', 'pelvis'],
    ['ramus pubis', 'pelvis'],
    ['acetabulum', 'acetabulum'],
    ['schedel', 'skull'],
    ['schedelbasisfractuur', 'skull'],
    ['neusfractuur', 'face'],
    ['kaak', 'face'],
    ['teen', 'toes'],
    ['grote teen', 'toes'],
    ['vinger', 'fingers'],
    ['duim', 'fingers'],
    ['scafoïd', 'carpus'],
    ['os scaphoideum', 'carpus'],
    ['middenhandsbeentje', 'metacarpals'],
    ['boxerfractuur', 'metacarpals'],
    ['middenvoet', 'metatarsals'],
    ['metatarsale V', 'metatarsals'],
    ['hielbeen', 'calcaneus'],
    ['talus', 'talus'],
    ['sleutelbeen', 'clavicle'],
    ['schouderblad', 'scapula'],
    ['proximale humerus', 'humerus'],
    ['collum chirurgicum humeri', 'humerus'],
    ['olecranon', 'olecranon'],
    ['knieschijf', 'patella'],
  ])('%j → %s', (text, site) => {
    expect(matchSiteText(text)).toEqual({ siteCode: site, matchedBy: 'text' });
  });

  it('does not read "enkele" (some) or "enkelvoudige" (simple) as ankle', () => {
    expect(matchSiteText('enkelvoudige fractuur van de pols')?.siteCode).toBe('radius_forearm_wrist');
    expect(matchSiteText('enkele fracturen')).toBeNull();
  });

  it('does not read "metacarpal" as carpus or "toegenomen" as toe', () => {
    expect(matchSiteText('metacarpale II')?.siteCode).toBe('metacarpals');
    expect(matchSiteText('toegenomen pijn')).toBeNull();
  });

  it('gives a null site when the text names two different sites', () => {
    expect(matchSiteText('pols en heup')).toEqual({ siteCode: null, matchedBy: 'text' });
    expect(matchSiteText('vinger en middenhand')).toEqual({ siteCode: null, matchedBy: 'text' });
  });

  it('gives a null site for bones outside both lists', () => {
    expect(matchSiteText('sesamoïd hallux')).toEqual({ siteCode: null, matchedBy: 'text' });
  });

  it('returns null when no site is named at all', () => {
    expect(matchSiteText('fractuur')).toBeNull();
    expect(matchSiteText('')).toBeNull();
    expect(matchSiteText('schouder')).toBeNull();
  });
});

describe('mentionsFracture', () => {
  it.each(['Polsfractuur links', 'fracture of the hip', 'heupbreuk', 'Gebroken enkel', 'wervelfracturen'])(
    'finds a fracture in %j',
    (text) => {
      expect(mentionsFracture(text)).toBe(true);
    },
  );

  it.each(['Essentiële hypertensie', 'Diabetes mellitus type 2', 'contusie pols'])(
    'finds none in %j',
    (text) => {
      expect(mentionsFracture(text)).toBe(false);
    },
  );
});

describe('docs/IMPORT.md', () => {
  const docLines = (): string[] =>
    readFileSync(fileURLToPath(new URL('../../../../../docs/IMPORT.md', import.meta.url)), 'utf8').split(
      '\n',
    );

  it('documents every ICD-10 rule with its site', () => {
    for (const rule of ICD10_SITE_RULES) {
      const row = docLines().find((line) => line.startsWith(`| ${rule.code} |`));
      expect(row, rule.code).toBeDefined();
      expect(row, rule.code).toContain(rule.site === null ? '(null)' : `\`${rule.site}\``);
    }
  });

  it('documents every SNOMED CT concept with its status', () => {
    for (const rule of SNOMED_SITE_RULES) {
      const row = docLines().find((line) => line.startsWith(`| ${rule.code} |`));
      expect(row, rule.code).toBeDefined();
      expect(row, rule.code).toContain(`[${rule.status}]`);
    }
  });
});
