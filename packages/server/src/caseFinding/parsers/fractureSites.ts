// Maps what hospitals send (ICD-10, SNOMED CT, free text, our own codes) to the fracture-site codes of
// clinical/RULES.md R1.2/R1.3. null site = "fracture, but the site is unknown or ambiguous" → manual review.
// The tables are data and documented one-to-one in docs/IMPORT.md (a test keeps the two in step).
import { isFractureSite, type FractureSite } from './types';

export type SiteMatchSource = 'icd10' | 'snomed' | 'text' | 'code';

export interface SiteMapping {
  siteCode: FractureSite | null;
  /** Only set when the code itself says so (pathological fracture, bone metastasis). */
  pathological?: boolean;
  matchedBy: SiteMatchSource;
}

// ---------------------------------------------------------------------------------------------- ICD-10 (WHO)

/** How the fifth character (the "site" digit of chapter XIII) selects the site. */
export type FifthCharacterScheme = 'musculoskeletalRegion' | 'spinalRegion';

export interface Icd10SiteRule {
  /** Category (3 characters, "S72") or subcategory ("S72.0"). */
  code: string;
  label: string;
  site: FractureSite | null;
  siteFromFifthCharacter?: FifthCharacterScheme;
  pathological?: true;
  note?: string;
}

export const ICD10_SITE_RULES: readonly Icd10SiteRule[] = [
  {
    code: 'S02',
    label: 'Fracture of skull and facial bones',
    site: 'skull',
    note: 'skull or face: both excluded (R1.3), so eligibility is the same',
  },
  { code: 'S02.0', label: 'Fracture of vault of skull', site: 'skull' },
  { code: 'S02.1', label: 'Fracture of base of skull', site: 'skull' },
  { code: 'S02.2', label: 'Fracture of nasal bones', site: 'face' },
  { code: 'S02.3', label: 'Fracture of orbital floor', site: 'face' },
  { code: 'S02.4', label: 'Fracture of malar and maxillary bones', site: 'face' },
  { code: 'S02.5', label: 'Fracture of tooth', site: 'face' },
  { code: 'S02.6', label: 'Fracture of mandible', site: 'face' },
  { code: 'S02.7', label: 'Multiple fractures involving skull and facial bones', site: 'skull' },
  { code: 'S02.8', label: 'Fractures of other skull and facial bones', site: 'face' },
  { code: 'S02.9', label: 'Fracture of skull and facial bones, part unspecified', site: 'skull' },
  { code: 'S12', label: 'Fracture of neck', site: 'spine_cervical' },
  { code: 'S12.0', label: 'Fracture of first cervical vertebra', site: 'spine_cervical' },
  { code: 'S12.1', label: 'Fracture of second cervical vertebra', site: 'spine_cervical' },
  { code: 'S12.2', label: 'Fracture of other specified cervical vertebra', site: 'spine_cervical' },
  { code: 'S12.7', label: 'Multiple fractures of cervical spine', site: 'spine_cervical' },
  {
    code: 'S12.8',
    label: 'Fracture of other parts of neck (hyoid, larynx, trachea)',
    site: null,
    note: 'not the spine: neither qualifying nor excluded',
  },
  { code: 'S12.9', label: 'Fracture of neck, part unspecified', site: 'spine_cervical' },
  { code: 'S22', label: 'Fracture of rib(s), sternum and thoracic spine', site: null },
  { code: 'S22.0', label: 'Fracture of thoracic vertebra', site: 'spine_thoracolumbar' },
  { code: 'S22.1', label: 'Multiple fractures of thoracic spine', site: 'spine_thoracolumbar' },
  { code: 'S22.2', label: 'Fracture of sternum', site: 'sternum_ribs' },
  { code: 'S22.3', label: 'Fracture of rib', site: 'sternum_ribs' },
  { code: 'S22.4', label: 'Multiple fractures of ribs', site: 'sternum_ribs' },
  { code: 'S22.5', label: 'Flail chest', site: 'sternum_ribs' },
  { code: 'S22.8', label: 'Fracture of other parts of bony thorax', site: null },
  { code: 'S22.9', label: 'Fracture of bony thorax, part unspecified', site: null },
  { code: 'S32', label: 'Fracture of lumbar spine and pelvis', site: null },
  { code: 'S32.0', label: 'Fracture of lumbar vertebra', site: 'spine_thoracolumbar' },
  { code: 'S32.1', label: 'Fracture of sacrum', site: 'pelvis' },
  { code: 'S32.2', label: 'Fracture of coccyx', site: 'pelvis' },
  { code: 'S32.3', label: 'Fracture of ilium', site: 'pelvis' },
  { code: 'S32.4', label: 'Fracture of acetabulum', site: 'acetabulum' },
  { code: 'S32.5', label: 'Fracture of pubis', site: 'pelvis' },
  {
    code: 'S32.7',
    label: 'Multiple fractures of lumbar spine and pelvis',
    site: 'pelvis',
    note: 'may include a lumbar vertebra; both qualify',
  },
  {
    code: 'S32.8',
    label: 'Fracture of other and unspecified parts of lumbar spine and pelvis',
    site: 'pelvis',
    note: 'may be a lumbar vertebra; both qualify',
  },
  { code: 'S42', label: 'Fracture of shoulder and upper arm', site: null },
  { code: 'S42.0', label: 'Fracture of clavicle', site: 'clavicle' },
  { code: 'S42.1', label: 'Fracture of scapula', site: 'scapula' },
  { code: 'S42.2', label: 'Fracture of upper end of humerus', site: 'humerus' },
  { code: 'S42.3', label: 'Fracture of shaft of humerus', site: 'humerus' },
  { code: 'S42.4', label: 'Fracture of lower end of humerus', site: 'humerus' },
  { code: 'S42.7', label: 'Multiple fractures of clavicle, scapula and humerus', site: null },
  { code: 'S42.8', label: 'Fracture of other parts of shoulder and upper arm', site: null },
  { code: 'S42.9', label: 'Fracture of shoulder girdle, part unspecified', site: null },
  {
    code: 'S52',
    label: 'Fracture of forearm',
    site: 'radius_forearm_wrist',
    note: 'or olecranon; both qualify',
  },
  {
    code: 'S52.0',
    label: 'Fracture of upper end of ulna (olecranon, coronoid process, Monteggia)',
    site: 'olecranon',
    note: 'approximation: the subcategory also holds coronoid and Monteggia fractures',
  },
  { code: 'S52.1', label: 'Fracture of upper end of radius', site: 'radius_forearm_wrist' },
  { code: 'S52.2', label: 'Fracture of shaft of ulna', site: 'radius_forearm_wrist' },
  { code: 'S52.3', label: 'Fracture of shaft of radius', site: 'radius_forearm_wrist' },
  { code: 'S52.4', label: 'Fracture of shafts of both ulna and radius', site: 'radius_forearm_wrist' },
  { code: 'S52.5', label: 'Fracture of lower end of radius', site: 'radius_forearm_wrist' },
  { code: 'S52.6', label: 'Fracture of lower end of both ulna and radius', site: 'radius_forearm_wrist' },
  { code: 'S52.7', label: 'Multiple fractures of forearm', site: 'radius_forearm_wrist' },
  { code: 'S52.8', label: 'Fracture of other parts of forearm', site: 'radius_forearm_wrist' },
  { code: 'S52.9', label: 'Fracture of forearm, part unspecified', site: 'radius_forearm_wrist' },
  {
    code: 'S62',
    label: 'Fracture at wrist and hand level',
    site: null,
    note: 'fingers are excluded, carpus and metacarpals qualify',
  },
  { code: 'S62.0', label: 'Fracture of navicular [scaphoid] bone of hand', site: 'carpus' },
  { code: 'S62.1', label: 'Fracture of other carpal bone(s)', site: 'carpus' },
  { code: 'S62.2', label: 'Fracture of first metacarpal bone', site: 'metacarpals' },
  { code: 'S62.3', label: 'Fracture of other metacarpal bone', site: 'metacarpals' },
  { code: 'S62.4', label: 'Multiple fractures of metacarpal bones', site: 'metacarpals' },
  { code: 'S62.5', label: 'Fracture of thumb', site: 'fingers' },
  { code: 'S62.6', label: 'Fracture of other finger', site: 'fingers' },
  { code: 'S62.7', label: 'Multiple fractures of fingers', site: 'fingers' },
  { code: 'S62.8', label: 'Fracture of other and unspecified parts of wrist and hand', site: null },
  {
    code: 'S72',
    label: 'Fracture of femur',
    site: null,
    note: 'proximal or other femur: the KPI patient group (hip) depends on it',
  },
  { code: 'S72.0', label: 'Fracture of neck of femur', site: 'femur_proximal' },
  { code: 'S72.1', label: 'Pertrochanteric fracture', site: 'femur_proximal' },
  { code: 'S72.2', label: 'Subtrochanteric fracture', site: 'femur_proximal' },
  { code: 'S72.3', label: 'Fracture of shaft of femur', site: 'femur_other' },
  { code: 'S72.4', label: 'Fracture of lower end of femur', site: 'femur_other' },
  {
    code: 'S72.7',
    label: 'Multiple fractures of femur',
    site: 'femur_other',
    note: 'may include the proximal femur',
  },
  { code: 'S72.8', label: 'Fractures of other parts of femur', site: 'femur_other' },
  {
    code: 'S72.9',
    label: 'Fracture of femur, part unspecified',
    site: 'femur_other',
    note: 'may be the proximal femur',
  },
  { code: 'S82', label: 'Fracture of lower leg, including ankle', site: null },
  { code: 'S82.0', label: 'Fracture of patella', site: 'patella' },
  {
    code: 'S82.1',
    label: 'Fracture of upper end of tibia',
    site: 'tibial_plateau',
    note: 'approximation: also holds tibial spine and tuberosity fractures',
  },
  { code: 'S82.2', label: 'Fracture of shaft of tibia', site: 'tibia' },
  { code: 'S82.3', label: 'Fracture of lower end of tibia', site: 'tibia' },
  { code: 'S82.4', label: 'Fracture of fibula alone', site: 'fibula' },
  { code: 'S82.5', label: 'Fracture of medial malleolus', site: 'ankle' },
  { code: 'S82.6', label: 'Fracture of lateral malleolus', site: 'ankle' },
  { code: 'S82.7', label: 'Multiple fractures of lower leg', site: null },
  { code: 'S82.8', label: 'Fractures of other parts of lower leg (bi- and trimalleolar)', site: 'ankle' },
  { code: 'S82.9', label: 'Fracture of lower leg, part unspecified', site: null },
  {
    code: 'S92',
    label: 'Fracture of foot, except ankle',
    site: null,
    note: 'toes are excluded, the rest of the foot qualifies',
  },
  { code: 'S92.0', label: 'Fracture of calcaneus', site: 'calcaneus' },
  { code: 'S92.1', label: 'Fracture of talus', site: 'talus' },
  { code: 'S92.2', label: 'Fracture of other tarsal bone(s)', site: 'tarsus' },
  { code: 'S92.3', label: 'Fracture of metatarsal bone', site: 'metatarsals' },
  { code: 'S92.4', label: 'Fracture of great toe', site: 'toes' },
  { code: 'S92.5', label: 'Fracture of other toe', site: 'toes' },
  { code: 'S92.7', label: 'Multiple fractures of foot', site: null },
  { code: 'S92.9', label: 'Fracture of foot, unspecified', site: null },
  { code: 'T02', label: 'Fractures involving multiple body regions', site: null },
  {
    code: 'T08',
    label: 'Fracture of spine, level unspecified',
    site: null,
    note: 'cervical (excluded) or thoracolumbar (qualifying)',
  },
  { code: 'T10', label: 'Fracture of upper limb, level unspecified', site: null },
  { code: 'T12', label: 'Fracture of lower limb, level unspecified', site: null },
  { code: 'T14.2', label: 'Fracture of unspecified body region', site: null },
  {
    code: 'M80',
    label: 'Osteoporosis with pathological fracture',
    site: null,
    siteFromFifthCharacter: 'musculoskeletalRegion',
    note: 'an osteoporotic (fragility) fracture, not "pathological" in the sense of R1.3',
  },
  {
    code: 'M84.3',
    label: 'Stress fracture, not elsewhere classified',
    site: null,
    siteFromFifthCharacter: 'musculoskeletalRegion',
  },
  {
    code: 'M84.4',
    label: 'Pathological fracture, not elsewhere classified',
    site: null,
    siteFromFifthCharacter: 'musculoskeletalRegion',
    pathological: true,
  },
  {
    code: 'M84.5',
    label: 'Pathological fracture in neoplastic disease',
    site: null,
    siteFromFifthCharacter: 'musculoskeletalRegion',
    pathological: true,
  },
  {
    code: 'M84.6',
    label: 'Pathological fracture in other disease',
    site: null,
    siteFromFifthCharacter: 'musculoskeletalRegion',
    pathological: true,
  },
  {
    code: 'M48.5',
    label: 'Collapsed vertebra, not elsewhere classified',
    site: null,
    siteFromFifthCharacter: 'spinalRegion',
  },
  {
    code: 'C79.5',
    label: 'Secondary malignant neoplasm of bone and bone marrow',
    site: null,
    pathological: true,
    note: 'a fracture coded with it is pathological',
  },
];

/** ICD-10 chapter XIII site digit (5th character of M80, M84). Regions that span several site codes → null. */
export const MUSCULOSKELETAL_REGION_SITES: Readonly<
  Record<string, { label: string; site: FractureSite | null }>
> = {
  '0': { label: 'multiple sites', site: null },
  '1': { label: 'shoulder region (clavicle, scapula, joints)', site: null },
  '2': { label: 'upper arm (humerus, elbow joint)', site: 'humerus' },
  '3': { label: 'forearm (radius, ulna, wrist joint)', site: 'radius_forearm_wrist' },
  '4': { label: 'hand (carpus, metacarpus, fingers)', site: null },
  '5': { label: 'pelvic region and thigh (pelvis, femur, hip joint)', site: null },
  '6': { label: 'lower leg (tibia, fibula, knee joint)', site: null },
  '7': { label: 'ankle and foot (tarsus, metatarsus, toes)', site: null },
  '8': { label: 'other (head, neck, ribs, skull, trunk, vertebral column)', site: null },
  '9': { label: 'site unspecified', site: null },
};

/** ICD-10 spinal-region digit (5th character of M48). */
export const SPINAL_REGION_SITES: Readonly<Record<string, { label: string; site: FractureSite | null }>> = {
  '0': { label: 'multiple sites in spine', site: null },
  '1': { label: 'occipito-atlanto-axial region', site: 'spine_cervical' },
  '2': { label: 'cervical region', site: 'spine_cervical' },
  '3': { label: 'cervicothoracic region', site: null },
  '4': { label: 'thoracic region', site: 'spine_thoracolumbar' },
  '5': { label: 'thoracolumbar region', site: 'spine_thoracolumbar' },
  '6': { label: 'lumbar region', site: 'spine_thoracolumbar' },
  '7': { label: 'lumbosacral region', site: null },
  '8': { label: 'sacral and sacrococcygeal region', site: 'pelvis' },
  '9': { label: 'site unspecified', site: null },
};

/** C79.5 is not a fracture; next to a fracture diagnosis it hints that the fracture may be pathological. */
export function isBoneMetastasisCode(code: string): boolean {
  return parseIcd10Code(code)?.code.startsWith('C79.5') === true;
}

/** Every S-chapter category whose third character is 2 (S02 … S92) is a fracture category. */
const ICD10_RULES_BY_CODE: ReadonlyMap<string, Icd10SiteRule> = new Map(
  ICD10_SITE_RULES.map((r) => [r.code, r]),
);

export interface Icd10Code {
  /** "S72.00": category, dot, the rest — the form stored in the database. */
  code: string;
  category: string;
  /** The 4th character, or '' for a bare category. */
  subcategory: string;
  /** The 5th character, or ''. */
  fifth: string;
}

/**
 * Accepts "S72.0", "s72.00", "S7200", "S72.001A" (ICD-10-CM letters are kept but only 5 characters are read),
 * dagger/asterisk marks and spaces. Returns null when the text is not shaped like an ICD-10 code at all.
 */
export function parseIcd10Code(raw: string): Icd10Code | null {
  let compact = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charAt(i);
    if (ch === '.' || ch === ' ' || ch === '*' || ch === '†' || ch === '+' || ch === '!') continue;
    compact += ch;
  }
  compact = compact.toUpperCase();
  if (!ICD10_SHAPE.test(compact)) return null;
  const category = compact.slice(0, 3);
  const rest = compact.slice(3);
  return {
    code: rest === '' ? category : `${category}.${rest}`,
    category,
    subcategory: rest.charAt(0),
    fifth: rest.charAt(1),
  };
}
const ICD10_SHAPE = /^[A-Z][0-9]{2}[0-9A-Z]{0,5}$/;

function isFractureCategory(category: string): boolean {
  return category.charAt(0) === 'S' && category.charAt(2) === '2';
}

/** The mapping for an ICD-10 code, or null when the code is not a fracture (or bone metastasis) code. */
export function mapIcd10ToSite(raw: string): SiteMapping | null {
  const parsed = parseIcd10Code(raw);
  if (parsed === null) return null;
  const rule =
    (parsed.subcategory === ''
      ? undefined
      : ICD10_RULES_BY_CODE.get(`${parsed.category}.${parsed.subcategory}`)) ??
    ICD10_RULES_BY_CODE.get(parsed.category);
  if (rule === undefined) {
    return isFractureCategory(parsed.category) ? { siteCode: null, matchedBy: 'icd10' } : null;
  }
  // T14 is "injury of unspecified body region"; only T14.2 is a fracture, and it has its own rule.
  let siteCode = rule.site;
  if (rule.siteFromFifthCharacter !== undefined) {
    const regions =
      rule.siteFromFifthCharacter === 'spinalRegion' ? SPINAL_REGION_SITES : MUSCULOSKELETAL_REGION_SITES;
    siteCode = regions[parsed.fifth]?.site ?? null;
  }
  return rule.pathological === true
    ? { siteCode, pathological: true, matchedBy: 'icd10' }
    : { siteCode, matchedBy: 'icd10' };
}

// ---------------------------------------------------------------------------------------------- SNOMED CT

export interface SnomedSiteRule {
  code: string;
  label: string;
  site: FractureSite | null;
  pathological?: true;
  status: 'SOURCE' | 'UNCONFIRMED';
  note?: string;
}

/** Deliberately small; codes not listed here fall back to the display text (see mapFhirOrHl7Coding callers). */
export const SNOMED_SITE_RULES: readonly SnomedSiteRule[] = [
  {
    code: '5913000',
    label: 'Fracture of neck of femur',
    site: 'femur_proximal',
    status: 'UNCONFIRMED',
    note: 'INTEROP.md §5: single source',
  },
  { code: '359817006', label: 'Closed fracture of hip', site: 'femur_proximal', status: 'UNCONFIRMED' },
  {
    code: '42942008',
    label: 'Compression fracture of vertebral column',
    site: 'spine_thoracolumbar',
    status: 'SOURCE',
    note: 'could in principle be cervical; vertebral compression fractures are read as thoracolumbar',
  },
  { code: '58150001', label: 'Fracture of clavicle', site: 'clavicle', status: 'UNCONFIRMED' },
  { code: '33737001', label: 'Fracture of rib', site: 'sternum_ribs', status: 'UNCONFIRMED' },
  { code: '65966004', label: 'Fracture of forearm', site: 'radius_forearm_wrist', status: 'UNCONFIRMED' },
  { code: '16114001', label: 'Fracture of ankle', site: 'ankle', status: 'UNCONFIRMED' },
  { code: '125605004', label: 'Fracture of bone', site: null, status: 'SOURCE' },
  {
    code: '443165006',
    label: 'Osteoporotic fracture of bone',
    site: null,
    status: 'SOURCE',
    note: 'not pathological in the sense of R1.3',
  },
  { code: '268029009', label: 'Pathological fracture', site: null, pathological: true, status: 'SOURCE' },
  {
    code: '46866001',
    label: 'Fracture of lower limb (labels conflict)',
    site: null,
    status: 'UNCONFIRMED',
    note: 'INTEROP.md §5: do not read as a vertebral fracture',
  },
];

const SNOMED_RULES_BY_CODE: ReadonlyMap<string, SnomedSiteRule> = new Map(
  SNOMED_SITE_RULES.map((r) => [r.code, r]),
);

/** The mapping for a SNOMED CT concept id, or null when the concept is not in the table. */
export function mapSnomedToSite(
  code: string,
  rules: ReadonlyMap<string, SnomedSiteRule> = SNOMED_RULES_BY_CODE,
): SiteMapping | null {
  const rule = rules.get(code.trim());
  if (rule === undefined) return null;
  return rule.pathological === true
    ? { siteCode: rule.site, pathological: true, matchedBy: 'snomed' }
    : { siteCode: rule.site, matchedBy: 'snomed' };
}

// ---------------------------------------------------------------------------------------------- Osteopad codes

/** "femur_proximal", "Femur Proximal", "femur-proximal" → femur_proximal. Null when it is not one of our codes. */
export function mapSiteCode(raw: string): SiteMapping | null {
  const normalised = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return isFractureSite(normalised) ? { siteCode: normalised, matchedBy: 'code' } : null;
}

// ---------------------------------------------------------------------------------------------- free text

export interface SiteTextTerm {
  /** Lower case, no diacritics, words separated by single spaces. */
  phrase: string;
  /** word: the whole word; prefix: the start of a word, so Dutch compounds ("polsfractuur") match. */
  mode: 'word' | 'prefix';
  /** null: names a bone outside R1.2/R1.3 ("sesamoid"), so the whole text goes to manual review. */
  site: FractureSite | null;
  /** Within a family a specific term beats a generic one ("heup/femur" → proximal femur). */
  family?: 'spine' | 'femur' | 'lowerLeg' | 'forearm';
  generic?: true;
}

function terms(
  site: FractureSite | null,
  mode: SiteTextTerm['mode'],
  phrases: readonly string[],
  extra: Pick<SiteTextTerm, 'family' | 'generic'> = {},
): SiteTextTerm[] {
  return phrases.map((phrase) => ({ phrase, mode, site, ...extra }));
}

const SPINE_LEVELS = [
  ...Array.from({ length: 12 }, (_, i) => `th${i + 1}`),
  ...Array.from({ length: 12 }, (_, i) => `t${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `l${i + 1}`),
];
const CERVICAL_LEVELS = Array.from({ length: 7 }, (_, i) => `c${i + 1}`);

export const SITE_TEXT_TERMS: readonly SiteTextTerm[] = [
  ...terms(
    'femur_proximal',
    'prefix',
    [
      'heup',
      'collumfractuur',
      'collum femoris',
      'mediale collum',
      'laterale collum',
      'femurhals',
      'dijbeenhals',
      'femurkop',
      'caput femoris',
      'pertrochant',
      'intertrochant',
      'subtrochant',
      'trochanter',
      'proximale femur',
      'proximal femur',
      'femoral neck',
      'neck of femur',
      'neck of the femur',
      'femoral head',
    ],
    { family: 'femur' },
  ),
  ...terms('femur_proximal', 'word', ['hip', 'hips', 'nof'], { family: 'femur' }),
  ...terms('femur_other', 'prefix', ['distale femur', 'distal femur', 'femurschacht', 'femoral shaft'], {
    family: 'femur',
  }),
  ...terms('femur_other', 'prefix', ['femur', 'femor', 'dijbeen', 'bovenbeen', 'thigh'], {
    family: 'femur',
    generic: true,
  }),
  ...terms('acetabulum', 'prefix', ['acetabul', 'heupkom']),
  ...terms('pelvis', 'prefix', [
    'bekken',
    'pelvis',
    'pelvic',
    'os pubis',
    'ramus pubis',
    'schaambeen',
    'pubic',
    'sacrum',
    'sacral',
    'sacraal',
    'heiligbeen',
    'stuitje',
    'stuitbeen',
    'coccyx',
    'os ilium',
    'iliac',
    'darmbeen',
    'zitbeen',
    'ischium',
  ]),
  ...terms('pelvis', 'word', ['pubis', 'ilium']),
  ...terms(
    'spine_cervical',
    'prefix',
    ['cervicale wervel', 'cervical vertebra', 'cervical spine', 'cervica', 'nekwervel', 'halswervel'],
    { family: 'spine' },
  ),
  ...terms('spine_cervical', 'word', ['cwk', 'dens', 'atlas', ...CERVICAL_LEVELS], { family: 'spine' }),
  ...terms(
    'spine_thoracolumbar',
    'prefix',
    [
      'thoracolumba',
      'lumba',
      'borstwervel',
      'lendenwervel',
      'thoracale wervel',
      'thoracic vertebra',
      'thoracic spine',
      'compressiefractuur',
      'inzakkingsfractuur',
      'compression fracture',
    ],
    { family: 'spine' },
  ),
  ...terms('spine_thoracolumbar', 'word', ['lwk', 'twk', ...SPINE_LEVELS], { family: 'spine' }),
  ...terms('spine_thoracolumbar', 'prefix', ['wervel', 'vertebra'], { family: 'spine', generic: true }),
  ...terms('spine_thoracolumbar', 'word', ['spine', 'spinal'], { family: 'spine', generic: true }),
  ...terms('sternum_ribs', 'prefix', ['rib', 'sternum', 'sternal', 'borstbeen']),
  ...terms('sternum_ribs', 'word', ['costa', 'costae']),
  ...terms('clavicle', 'prefix', ['clavicul', 'clavicle', 'sleutelbeen', 'collarbone', 'collar bone']),
  ...terms('scapula', 'prefix', ['scapula', 'schouderblad', 'shoulder blade', 'acromion', 'glenoid']),
  ...terms('humerus', 'prefix', ['humer', 'bovenarm', 'upper arm', 'collum chirurgicum', 'tuberculum majus']),
  ...terms('olecranon', 'prefix', ['olecranon', 'monteggia'], { family: 'forearm' }),
  ...terms(
    'radius_forearm_wrist',
    'prefix',
    ['radius', 'radial', 'ulna', 'pols', 'wrist', 'colles', 'galeazzi'],
    { family: 'forearm' },
  ),
  ...terms('radius_forearm_wrist', 'word', ['radii', 'smith'], { family: 'forearm' }),
  ...terms('radius_forearm_wrist', 'prefix', ['onderarm', 'forearm'], { family: 'forearm', generic: true }),
  ...terms('carpus', 'prefix', [
    'scaphoid',
    'scafoid',
    'carpus',
    'carpa',
    'carpal',
    'handwortel',
    'lunatum',
    'hamatum',
    'trapezium',
    'triquetrum',
    'pisiforme',
    'capitatum',
  ]),
  ...terms('metacarpals', 'prefix', ['metacarp', 'middenhand', 'boxer', 'bennett', 'rolando']),
  ...terms('fingers', 'prefix', ['vinger', 'finger', 'duim', 'thumb']),
  ...terms('patella', 'prefix', ['patella', 'knieschijf', 'kneecap', 'knee cap']),
  ...terms(
    'tibial_plateau',
    'prefix',
    ['tibiaplateau', 'tibia plateau', 'tibial plateau', 'proximale tibia', 'proximal tibia', 'tibiakop'],
    { family: 'lowerLeg' },
  ),
  ...terms('tibia', 'prefix', ['tibia', 'scheenbeen', 'cruris', 'pilon'], { family: 'lowerLeg' }),
  ...terms('tibia', 'word', ['shin'], { family: 'lowerLeg' }),
  ...terms('tibia', 'prefix', ['onderbeen', 'lower leg'], { family: 'lowerLeg', generic: true }),
  ...terms('fibula', 'prefix', ['fibula', 'kuitbeen'], { family: 'lowerLeg', generic: true }),
  ...terms(
    'ankle',
    'prefix',
    ['enkelfractuur', 'enkelbreuk', 'ankle', 'malleol', 'bimalleol', 'trimalleol', 'weber', 'maisonneuve'],
    { family: 'lowerLeg' },
  ),
  // "enkel" only as a whole word: "enkele" (some) and "enkelvoudig" (simple) are common Dutch words.
  ...terms('ankle', 'word', ['enkel', 'enkels'], { family: 'lowerLeg' }),
  ...terms('calcaneus', 'prefix', ['calcane', 'hiel']),
  ...terms('talus', 'prefix', ['talus', 'talar', 'sprongbeen']),
  ...terms('tarsus', 'prefix', [
    'naviculare pedis',
    'tarsus',
    'tarsa',
    'tarsal',
    'cuboid',
    'cuneiform',
    'voetwortel',
    'lisfranc',
    'chopart',
  ]),
  ...terms('metatarsals', 'prefix', ['metatars', 'middenvoet']),
  ...terms('metatarsals', 'word', ['jones']),
  ...terms('toes', 'prefix', ['teenfractuur', 'grote teen', 'hallux']),
  ...terms('toes', 'word', ['teen', 'tenen', 'toe', 'toes']),
  ...terms('skull', 'prefix', ['schedel', 'skull', 'crani', 'calvari']),
  ...terms('face', 'prefix', [
    'aangezicht',
    'gezicht',
    'kaak',
    'onderkaak',
    'bovenkaak',
    'neus',
    'jukbeen',
    'oogkas',
    'orbita',
    'mandibul',
    'maxill',
    'zygom',
    'facial',
    'jaw',
    'nasal',
    'cheekbone',
    'orbit',
    'le fort',
  ]),
  ...terms('face', 'word', ['face', 'nose']),
  ...terms(null, 'prefix', ['sesamo', 'sesambe']),
];

/** Longest phrase first, so "tibiaplateau" claims its span before "tibia" can. */
const TERMS_BY_LENGTH = [...SITE_TEXT_TERMS].sort((a, b) => b.phrase.length - a.phrase.length);

/** Lower case, diacritics removed, every run of non-letters/digits → one space, padded with spaces. */
export function normaliseSiteText(text: string): string {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${folded} `;
}

interface TermHit {
  term: SiteTextTerm;
  start: number;
  end: number;
}

function findTermHits(padded: string): TermHit[] {
  const hits: TermHit[] = [];
  for (const term of TERMS_BY_LENGTH) {
    const needle = term.mode === 'word' ? ` ${term.phrase} ` : ` ${term.phrase}`;
    let from = 0;
    for (;;) {
      const at = padded.indexOf(needle, from);
      if (at < 0) break;
      const start = at + 1;
      const end = start + term.phrase.length;
      if (!hits.some((h) => start < h.end && h.start < end)) hits.push({ term, start, end });
      from = at + 1;
    }
  }
  return hits;
}

/**
 * The site a free-text description names, or null when it names none or several different ones
 * ("pols en heup": two fractures in one row cannot be split safely, so the row goes to manual review).
 */
export function matchSiteText(text: string): SiteMapping | null {
  const hits = findTermHits(normaliseSiteText(text));
  if (hits.length === 0) return null;
  const familiesWithSpecific = new Set(hits.filter((h) => h.term.generic !== true).map((h) => h.term.family));
  const sites = new Set<FractureSite | null>();
  for (const hit of hits) {
    if (hit.term.generic === true && familiesWithSpecific.has(hit.term.family)) continue;
    sites.add(hit.term.site);
  }
  const [only] = sites;
  return sites.size === 1 && only !== undefined && only !== null
    ? { siteCode: only, matchedBy: 'text' }
    : { siteCode: null, matchedBy: 'text' };
}

const FRACTURE_WORDS = [' fractu', ' breuk', ' gebroken', ' broken', ' fracture'];
const FRACTURE_COMPOUND_ENDINGS = ['fractuur', 'fracturen', 'breuk', 'fracture', 'fractures'];

/** Does a display text or description talk about a fracture at all ("polsfractuur", "broken hip")? */
export function mentionsFracture(text: string): boolean {
  const padded = normaliseSiteText(text);
  if (FRACTURE_WORDS.some((w) => padded.includes(w))) return true;
  return FRACTURE_COMPOUND_ENDINGS.some((ending) => padded.includes(`${ending} `));
}

/** Memoises a pure string → value function; bounded so a file of unique texts cannot grow it without limit. */
export function memoised<T>(fn: (key: string) => T, maxEntries = 10_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = fn(key);
    if (cache.size >= maxEntries) cache.clear();
    cache.set(key, value);
    return value;
  };
}
