// Dutch and English wording of vertebral fracture findings in radiology reports, and of the words that negate
// them. Everything is matched on lower-cased text; patterns are compiled once.

/** How much evidence a phrase needs before it counts as a vertebral fracture finding. */
export type FindingStrength =
  /** Always vertebral ("wervelfractuur", "vertebral compression fracture"). */
  | 'direct'
  /** Almost always vertebral; not when another bone is named and no vertebra is ("compressiefractuur"). */
  | 'likely'
  /** Vertebral only with a vertebra or level in the same clause ("impressiefractuur", "hoogteverlies", "wedge"). */
  | 'needsContext'
  /** A plain fracture word: vertebral only with a level or vertebra within a few words ("fractuur van Th12"). */
  | 'generic'
  /** A Genant grade of 1–3 (only vertebrae are graded by Genant). */
  | 'genant';

export interface FindingPattern {
  pattern: RegExp;
  strength: FindingStrength;
  /** Text right before the phrase that makes it something else ("kyfotische deformatie" is a curvature). */
  notAfter?: RegExp;
}

const W = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/** A case-insensitive alternation matched as whole words (no letter or digit on either side). */
export function words(source: string): RegExp {
  return new RegExp(`${W}(?:${source})${E}`, 'gu');
}

export const FINDING_PATTERNS: readonly FindingPattern[] = [
  {
    strength: 'direct',
    pattern: words(
      'wervel(?:corpus|lichaam|lichaams)?(?:fractu(?:u)?r(?:en)?|breuk(?:en)?|inzakking(?:en)?|compressie(?:fractu(?:u)?r(?:en)?)?)',
    ),
  },
  {
    strength: 'direct',
    pattern: words(
      'vertebral (?:body )?(?:compression |wedge |crush |insufficiency |osteoporotic )?(?:fractures?|collapse|deformit(?:y|ies))',
    ),
  },
  {
    strength: 'direct',
    pattern: words('(?:osteoporotic|insufficiency) (?:vertebral |spinal )?compression fractures?'),
  },
  { strength: 'direct', pattern: words('spinal (?:compression )?fractures?') },
  // Cement augmentation is only done for vertebral fractures.
  { strength: 'direct', pattern: words('vertebroplast\\p{L}*|kyphoplast\\p{L}*|cyfoplast\\p{L}*') },
  {
    strength: 'likely',
    pattern: words(
      '(?:compressie|inzakkings)fractu(?:u)?r(?:en)?|compression (?:fractures?|deformit(?:y|ies))|crush fractures?',
    ),
  },
  {
    strength: 'needsContext',
    pattern: words(
      '(?:impressie|dekplaat)(?:fractu(?:u)?r(?:en)?)?|dekplaatimpressies?|end ?plate (?:fractures?|depressions?|impressions?)',
    ),
  },
  { strength: 'needsContext', pattern: words('inzakking(?:en)?|ingezakt(?:e)?|collapsed?|collapse of') },
  {
    strength: 'needsContext',
    pattern: words(
      'hoogteverlies|hoogtereductie|height loss|loss of (?:vertebral |anterior |posterior |central )?height|reduced height',
    ),
  },
  {
    strength: 'needsContext',
    pattern: words(
      'wigvorm(?:ing|ige?)?|wigvormig(?:e)?|wedge(?:[- ](?:shaped|deformity|deformities|fractures?|compression))?|wedging|biconca(?:af|ve)',
    ),
  },
  // A deformity or injury of a named vertebra ("deformatie van Th12", "old injury T12"), not a curvature.
  {
    strength: 'generic',
    pattern: words('deformit(?:y|ies)|deformaties?|injur(?:y|ies)|letsels?'),
    notAfter:
      /(?:kyfot|kyphot|scoliot|lordot|rotatoir|rotation|valgus|varus|degenerat|postoperat|gibbus)\p{L}*[\s-]+$/u,
  },
  { strength: 'generic', pattern: words('fractu(?:u)?r(?:en)?|breuk(?:en)?|fractures?|fx|fractured') },
];

/** Genant grade stated before or after the number: "Genant graad 2", "grade II (Genant)", "graad 2 volgens Genant". */
export const GENANT_PATTERNS: readonly RegExp[] = [
  new RegExp(
    `${W}genant(?:[\\s-]*(?:graad|grade|type|gr\\.?))?[\\s:]*(?:graad |grade )?([0-3]|iii|ii|i)${E}`,
    'gu',
  ),
  new RegExp(`${W}(?:graad|grade|gr\\.?)\\s*([0-3]|iii|ii|i)${E}[^.;]{0,24}?genant${E}`, 'gu'),
];

/** "graad 2" right next to a finding ("graad 2 wervelfractuur", "hoogteverlies … (graad 3)") is read as Genant. */
export const BARE_GRADE = new RegExp(`${W}(?:graad|grade|gr\\.?)\\s*([0-3]|iii|ii|i)${E}`, 'gu');
/** … unless it grades something else. */
export const OTHER_GRADING = words(
  'spondylolisthesis|listhesis|meyerding|artrose|arthrosis|osteoarthritis|kellgren|disc|discus|hernia|stenose|stenosis',
);

/** A vertebra or a spinal region named near a phrase makes it vertebral. */
export const VERTEBRAL_CONTEXT = words(
  'wervel\\p{L}*|vertebra\\p{L}*|corpus|corpora|dekplaat\\p{L}*|end ?plates?|wervelkolom|spine|spinal|lwk|twk|thoracolumba\\p{L}*|thoraca(?:al|le)|lumba(?:al|le)|thoracic|lumbar',
);

/** Another bone named with an ambiguous phrase ("impressiefractuur van het tibiaplateau") makes it not vertebral. */
export const OTHER_BONE = words(
  'tibia\\p{L}*|plateau|schedel\\p{L}*|skull|cranial|humer\\p{L}*|hill[- ]sachs|heup\\p{L}*|hip|femur\\p{L}*|femoral|pols\\p{L}*|wrist|radius\\p{L}*|calcane\\p{L}*|talus|enkel|ankle|kaak|orbita\\p{L}*|acetabul\\p{L}*|bekken|pelvi\\p{L}*|rib\\p{L}*|sternum|glenoid',
);

/** Soft tissue, nerves and discs named right next to an ambiguous phrase ("spinal cord injury", "discus hoogteverlies"). */
export const OTHER_STRUCTURE = words(
  'cord|myelum|ruggenmerg\\p{L}*|ligament\\p{L}*|banden|weke delen|soft[- ]tissues?|zenuw\\p{L}*|nerves?|' +
    'spier\\p{L}*|muscles?|pees|pezen|tendons?|' +
    'disc|discs|disci|discus\\p{L}*|disco\\p{L}*|disk|disks|discal|tussenwervel\\p{L}*|intervertebra\\p{L}*',
);

/** Th1–Th12, T1–T12, L1–L5 (and C1–C7, S1 to recognise cervical and sacral mentions). */
export const LEVEL = new RegExp(`${W}(th|t|l|c|s)[\\s-]?(\\d{1,2})(?![\\p{N}])`, 'giu');

/** "T2-gewogen", "T1 weighted": MRI sequences, not vertebrae. */
export const MRI_SEQUENCE_AFTER =
  /^[\s-]*(?:gewogen|weighted|w(?![\p{L}])|stir|tirm|flair|signa\p{L}*|hyper\p{L}*|hypo\p{L}*|sequen\p{L}*|beeld\p{L}*|opname\p{L}*|fs(?![\p{L}]))/iu;
export const MRI_SEQUENCE_BEFORE = /(?:^|[^\p{L}])(?:op|on|in|de|het|the)\s*$/iu;

/**
 * Negation cues before a finding. Longer cues first so "geen aanwijzingen voor" is one cue.
 * "niet" before "recent"/"nieuw" is not a negation but marks an old fracture (see KNOWN_BEFORE).
 */
export const NEGATION_BEFORE = words(
  'geen (?:aanwijzing(?:en)? voor|tekenen van|evidente|duidelijke|verdenking op)|geen|zonder|noch|niet|negatief voor|' +
    'no evidence of|no signs? of|negative for|free of|absence of|rules out|ruled out|no|not|without|neither|nor',
);

/** Negation cues after a finding ("wervelfractuur is uitgesloten", "fracture is not seen"). */
export const NEGATION_AFTER = words(
  'uitgesloten|niet aangetoond|niet zichtbaar|niet aanwezig|niet gezien|afwezig|ruled out|excluded|not (?:seen|identified|present|demonstrated|visible|evident)|absent',
);

/**
 * Phrases that contain a negation word but do not negate the finding: "geen twijfel", and "no change /
 * progression / further height loss", which say an existing fracture is still there (→ known).
 */
export const PSEUDO_NEGATION = words(
  'geen twijfel|zonder twijfel|niet alleen|not only|no doubt|without doubt|' +
    'niet (?:worden |zijn |goed |zeker |met zekerheid )?(?:uitgesloten|uit te sluiten)|' +
    "can(?:not|'t| not) be (?:excluded|ruled out)|can(?:not|'t| not) rule out|not (?:be )?(?:excluded|ruled out)|" +
    'geen (?:veranderingen|verandering|wijzigingen|wijziging|progressie|toename|verdere?)|niet toegenomen|niet veranderd|niet gewijzigd|' +
    'no (?:interval )?(?:change|progression|increase|further)|not (?:increased|changed|progressed)|' +
    'niet[- ](?:recente?|nieuwe?|verse)|not (?:recent|new|acute|fresh)',
);

/** Pseudo-negations that mean the fracture was there before. */
export const PSEUDO_NEGATION_MEANS_KNOWN = words(
  'geen (?:veranderingen|verandering|wijzigingen|wijziging|progressie|toename|verdere?)|niet toegenomen|niet veranderd|niet gewijzigd|' +
    'no (?:interval )?(?:change|progression|increase|further)|not (?:increased|changed|progressed)|' +
    'niet[- ](?:recente?|nieuwe?|verse)|not (?:recent|new|acute|fresh)',
);

/** Old, previously reported or unchanged fractures: still a finding for case finding, flagged `known`. */
export const KNOWN_MARKERS = words(
  'bekende?|reeds bekende?|oude?|eerder (?:beschreven|bekende?|gezien)|ongewijzigde?|stationaire?|pre-?existente?|preëxistente?|status na|' +
    'known|old|chronic|previously (?:described|noted|seen|reported)|unchanged|stable|pre-?existing|healed|status post',
);

/** "78-year-old", "80 jaar oud": an age, not an old fracture. */
export const AGE_BEFORE_OLD = /(?:year|years|jaar)[\s-]*$/iu;

/** A fracture called new or recent right before the phrase is not a known one, whatever else the clause says. */
export const NEW_MARKERS = words('nieuwe?|recente?|verse|acute?|new|recent|fresh');

/** Words that end the reach of a negation and of levels/grades: "geen X, wel Y", "no X but Y". */
export const SCOPE_BREAKERS = words(
  'maar|echter|(?<!ook\\s)wel|doch|terwijl|behalve|uitgezonderd|met uitzondering van|' +
    'but|however|although|though|whereas|except|apart from|other than|with the exception of',
);

/** After a comma, a negation only carries on through a list joined by these ("geen A, B of C"). */
export const LIST_CONTINUATION = words('of|or|noch|nor');
