// The context around a fracture phrase, in Dutch and English: wording that makes a mention something other than a
// finding about this patient (a clinical question, a hypothesis, a general statement), wording that makes a
// finding uncertain, the headers of a report's sections, and the words that make a level range a disc space.
// Matched on lower-cased text, like vocabulary.ts.
import { words } from './vocabulary';

/**
 * A question or request before the phrase: "ter uitsluiting van wervelfractuur", "to rule out", "evaluate for",
 * "of er … te zien zijn" (whether).
 */
export const QUESTION_BEFORE = words(
  'ter uitsluiting van|t\\.u\\.v\\.?|tuv|ter evaluatie van|ter beoordeling van|ter analyse van|ter controle op|' +
    'uitsluiten van|klinische vraag(?:stelling)?|vraagstelling|beoordelen op|beoordeling op|screen(?:en|ing) op|' +
    'of er|(?:gekeken|kijken|bekeken|beoordeeld|nagaan|nagegaan|bepalen|bepaald) of|' +
    'to rule out|rule out|r/o|to exclude|evaluate for|evaluation for|eval for|assess for|assessment for|' +
    'screen(?:ing)? for|query|whether|clinical question',
);

/** A modal verb before the phrase: a possibility (hedge), or with a result verb a hypothesis. */
export const MODAL = words('kan|kunnen|kon|konden|zou|zouden|zal|zullen|may|might|can|could|would|will');

/** Future modals say what will happen, not that something may be there: never a hedge on their own. */
export const FUTURE_MODALS: ReadonlySet<string> = new Set(['zal', 'zullen', 'will']);

/** Verbs of coming about: with a modal before the phrase, the sentence says what can happen ("kan … ontstaan"). */
export const RESULT_VERB = words(
  'ontstaan|ontstaat|optreden|optreedt|treedt op|treden op|voorkomen|voorkomt|ontwikkelen|ontwikkelt|' +
    'leiden tot|leidt tot|aanleiding (?:geven|geeft|gegeven) tot|veroorzaken|veroorzaakt|resulteren in|resulteert in|' +
    'breken|krijgen|oplopen|' +
    'develop|develops|occur|occurs|arise|arises|cause|causes|lead to|leads to|result in|results in|' +
    'give rise to|gives rise to|predispose to|predisposes to|sustain|suffer',
);

/** Risk, prevention and conditions before the phrase: "risico op wervelfracturen", "to prevent", "indien". */
export const HYPOTHETICAL_BEFORE = words(
  '(?:verhoogd |hoog |groot )?risico op|(?:verhoogde )?kans op|ter voorkoming van|ter preventie van|' +
    'preventie van|indien|mocht(?:en)?|in (?:het )?geval van|ingeval|als er|' +
    '(?:increased |high )?risk (?:of|for)|at risk|to prevent|prevention of|prevent|if(?! compared)|in case of|' +
    'should there be',
);

/** Prevention after the phrase, in Dutch word order: "om nieuwe wervelfracturen te voorkomen". */
export const PREVENT_AFTER = words('te voorkomen|te vermijden');

/**
 * Definitions and statements about how common something is, anywhere in the clause: "ook bekend als", "ook wel
 * … genoemd", "is een aandoening waarbij", "komen veel voor bij", "are common in". Not
 * "zogenaamde" ("zogenaamde vissenwervels" describes this patient's vertebrae) and not "definitie" ("volgens de
 * definitie van Genant").
 */
export const DEFINITION = words(
  'ook (?:wel )?(?:[\\p{L}-]+ ){0,3}?(?:bekend als|genoemd)|(?:is|zijn) een aandoening|aandoening waarbij|' +
    'wordt gedefinieerd als|worden gedefinieerd als|komen (?:veel |vaak |meestal |zelden )?voor (?:bij|in)|' +
    '(?:are|is) (?:very |most )?(?:common|frequent|rare|uncommon) (?:in|among)|' +
    'also (?:known as|called)|(?:is|are) a condition|(?:is|are) defined as',
);

/**
 * Groups of people and statistics before the phrase: "patiënten met osteoporose …", "prevalence of". A report
 * describes one patient ("patiënte", "uw patiënt"); after the phrase a group is usually a comparison
 * ("compressiefractuur L1, bij vrouwen van deze leeftijd meestal osteoporotisch").
 */
export const POPULATION_BEFORE = words(
  'patiënten|mensen|ouderen|vrouwen|mannen|personen|populatie|prevalentie|incidentie|' +
    'patients|people|individuals|persons|women|population|prevalence|incidence',
);

/**
 * Hedges before the phrase: the finding is there, but the report is not sure ("mogelijk", "verdacht voor",
 * "possible", "suspected", "niet uit te sluiten is …").
 */
export const HEDGE_BEFORE = words(
  'mogelijke?|mogelijkerwijs|waarschijnlijke?|vermoedelijke?|wellicht|eventuele?|verdacht (?:voor|op|van)|' +
    'verdenking (?:op|van|voor)|twijfelachtige?|dubieuze?|onzekere?|discutabele?|suggestief voor|' +
    'niet (?:goed |zeker |met zekerheid )?uit te sluiten|(?:onduidelijk|niet duidelijk|de vraag is) of|' +
    'possible|possibly|probable|probably|likely|presumed|presumably|suspect(?:ed)?|suspicious (?:for|of)|' +
    'suspicion (?:of|for)|questionable|equivocal|uncertain|suggestive of|suggesting|' +
    "can(?:not|'t| not) (?:exclude|rule out)|(?:unclear|not clear|uncertain) whether",
);

/** Hedges after the phrase, within a few words: "… is niet uit te sluiten", "… cannot be excluded", "dd …". */
export const HEDGE_AFTER = words(
  'niet (?:worden |zijn |goed |zeker |met zekerheid )?(?:uitgesloten|uit te sluiten)|' +
    'kan niet (?:met zekerheid )?(?:worden )?uitgesloten|is niet zeker|niet zeker|onzeker|twijfelachtig|dubieus|' +
    'wordt vermoed|differentiaal ?diagnostisch|dd|' +
    "can(?:not|'t| not) be (?:entirely |completely )?(?:excluded|ruled out)|not (?:be )?(?:excluded|ruled out)|" +
    'is (?:possible|suspected|questionable|uncertain)|questionable|equivocal|not certain|uncertain|' +
    'differential(?: diagnosis)?|versus',
);

/** Section headers at the start of a sentence (with a colon, or alone on their line). */
export const QUESTION_HEADER =
  /^(?:klinische vraag(?:stelling)?|vraagstelling|vraag|aanvraag|verzoek|indicatie|reden (?:van )?(?:onderzoek|aanvraag|verwijzing)|clinical question|question|clinical indications?|indications?|reason for (?:exam(?:ination)?|study|referral|request))(?:\s*:|\s*$)/iu;
export const FINDINGS_HEADER =
  /^(?:verslag|bevindingen|bevinding|conclusie|beoordeling|impressie|samenvatting|uitslag|findings|finding|impression|conclusions?|report|results?|opinion|summary)(?:\s*:|\s*$)/iu;
export const OTHER_HEADER =
  /^(?:klinische gegevens|klinische informatie|anamnese|voorgeschiedenis|techniek|vergelijking|onderzoek|clinical (?:information|history|data|details)|history|technique|comparison|examination|procedure)(?:\s*:|\s*$)/iu;

/**
 * Words that make an adjacent level range ("L4-L5") a disc space rather than two vertebrae: the disc itself,
 * and what is described per disc level (hernia, stenose, foramen, facet, niveau/level, listhesis).
 */
export const DISC_RANGE_CONTEXT = words(
  'disc|discs|disci|discus\\p{L}*|disco\\p{L}*|disk|disks|discal|tussenwervel\\p{L}*|intervertebra\\p{L}*|' +
    'hernia\\p{L}*|hnp|protrusie\\p{L}*|protrusions?|extrusie|extrusions?|bulging|uitpuiling\\p{L}*|' +
    'foramen|foramina\\p{L}*|foraminal\\p{L}*|facet\\p{L}*|niveau|niveaus|level|levels|segment\\p{L}*|' +
    'stenose|stenosis|listhesis|spondylolisthesis|retrolisthesis|anterolisthesis|desiccation|dehydratie',
);
