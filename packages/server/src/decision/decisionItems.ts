import {
  drugInstructions,
  mergeExplanations,
  type ClinicalConfig,
  type DrugCode,
  type Explanation,
  type PatientAssessment,
} from '@osteopad/clinical';
import { GROUP_OF_ITEM, type AssessmentItem, type DecisionItemCode } from '@osteopad/contract';

/*
 * The engine's assessment as the items the clinician accepts or overrides (issue 11, item 5). Nothing
 * here decides anything clinical: each item reads one part of `assessPatient`'s answer and carries
 * that part's rules, sources and markers; where the engine could not decide, the item says which
 * inputs it lacks.
 */

type Details = AssessmentItem['details'];
type DrugOptionAnswer = AssessmentItem['drugOptions'][number];

interface Part {
  value: string | string[] | null;
  details?: Details;
  explanation: Explanation;
  missing?: readonly string[];
  /** Markers the item adds itself (an Osteopad reading of a rule, a gap of the rules). */
  extraMarkers?: readonly ('UNCONFIRMED' | 'INFERRED')[];
  drugOptions?: DrugOptionAnswer[];
}

function markersOf(explanation: Explanation, extra: readonly string[]): string[] {
  const found = new Set<string>();
  for (const r of explanation.rules) if (r.marker !== 'SOURCE') found.add(r.marker);
  for (const m of extra) found.add(m);
  return ['UNCONFIRMED', 'INFERRED'].filter((m) => found.has(m));
}

function item(code: DecisionItemCode, part: Part): AssessmentItem {
  const { explanation } = part;
  const missing = [...new Set(part.missing ?? [])];
  return {
    code,
    group: GROUP_OF_ITEM[code],
    status: part.value === null ? 'insufficientData' : 'proposed',
    value: part.value,
    details: part.details ?? {},
    drugOptions: part.drugOptions ?? [],
    rules: explanation.rules.map((r) => ({
      ruleId: r.ruleId,
      sources: [...r.sources],
      marker: r.marker,
      note: r.note ?? null,
    })),
    configKeys: [...explanation.configKeys],
    conflicts: [...explanation.conflicts],
    missing,
    markers: markersOf(explanation, part.extraMarkers ?? []),
  };
}

function diagnosis(a: PatientAssessment): AssessmentItem {
  const d = a.densitometry;
  if (d.status === 'insufficientData')
    return item('diagnosis', { value: null, explanation: d.explanation, missing: d.missing });
  return item('diagnosis', {
    value: d.category,
    explanation: d.explanation,
    missing: d.category === null ? d.missing : [],
    details: {
      lowestTScore: d.lowestTScore,
      lowestSite: d.lowestSite,
      lowestZScore: d.lowestZScore,
      useZScore: d.useZScore,
    },
  });
}

function vertebralFractures(a: PatientAssessment): AssessmentItem {
  const v = a.vfa;
  if (v.status === 'insufficientData')
    return item('vertebral_fractures', { value: null, explanation: v.explanation, missing: v.missing });
  if (v.status === 'notAssessable')
    return item('vertebral_fractures', {
      value: null,
      explanation: v.explanation,
      missing: ['vfa'],
      details: { imaging: v.imaging },
    });
  return item('vertebral_fractures', {
    value: v.vfaCategory,
    explanation: v.explanation,
    details: { fracturedVertebraCount: v.fracturedVertebraCount, highestGrade: v.highestGrade },
  });
}

function treatmentIndication(a: PatientAssessment): AssessmentItem {
  const t = a.treatment;
  const table = t.nhgTable;
  const giop = t.glucocorticoids;
  const explanations = [t.explanation, table.explanation];
  if (giop.status !== 'notApplicable') explanations.push(giop.explanation);
  const missing = [
    ...(table.status === 'insufficientData' ? table.missing : []),
    ...(giop.status === 'insufficientData' ? giop.missing : []),
  ];
  const indication = t.indicationForFracturePreventionMedication;
  return item('treatment_indication', {
    value: indication === null ? null : indication ? 'treat' : 'no_treatment',
    explanation: mergeExplanations(...explanations),
    missing: indication === null ? missing : [],
    details: {
      nhgAdvice: table.status === 'ok' ? table.advice : null,
      giopRecommendation: giop.status === 'ok' ? giop.recommendation : null,
    },
  });
}

function drug(a: PatientAssessment): AssessmentItem {
  const d = a.drugs;
  const drugOptions = d.options.map((o) => ({
    drug: o.drug,
    allowed: o.allowed,
    reasons: [...o.reasons],
    missing: [...o.missing],
  }));
  const explanation = mergeExplanations(d.choice.explanation, ...d.options.map((o) => o.explanation));
  const details = { preferredFirstLine: d.choice.preferredFirstLine.join(',') };
  const indication = a.treatment.indicationForFracturePreventionMedication;
  if (indication === false) return item('drug', { value: 'none', explanation, details, drugOptions });
  if (indication === null)
    return item('drug', { value: null, explanation, details, drugOptions, missing: ['treatmentIndication'] });
  const first = d.preferredAndAllowed[0];
  if (first !== undefined) return item('drug', { value: first, explanation, details, drugOptions });
  const preferred = d.options.filter((o) => d.choice.preferredFirstLine.includes(o.drug));
  return item('drug', {
    value: null,
    explanation,
    details,
    drugOptions,
    missing: preferred.flatMap((o) => o.missing),
  });
}

function fallReferral(
  a: PatientAssessment,
  code: 'referral_fall_clinic' | 'referral_physiotherapy',
): AssessmentItem {
  const f = a.fallRisk;
  if (f.status === 'insufficientData')
    return item(code, { value: null, explanation: f.explanation, missing: f.missing });
  const intervention =
    code === 'referral_fall_clinic' ? 'professionalFallAssessment' : 'physiotherapyStrengthAndBalance';
  return item(code, {
    value: f.interventions.includes(intervention) ? 'refer' : 'no_referral',
    // The rules say "refer for a professional fall assessment" (R7.2), not where: that it is the
    // fall clinic is the reading of this installation (RULES.md leaves the fall-clinic referral open).
    explanation: mergeExplanations(f.explanation, f.fallClinicReferral.explanation),
    extraMarkers: code === 'referral_fall_clinic' ? ['INFERRED'] : [],
    details: { fallPreventionIndicated: f.fallPreventionIndicated },
  });
}

function secondaryReferral(a: PatientAssessment): AssessmentItem {
  const l = a.labPanel;
  if (l.status === 'insufficientData')
    return item('referral_secondary_osteoporosis', {
      value: null,
      explanation: l.explanation,
      missing: l.missing,
    });
  return item('referral_secondary_osteoporosis', {
    value: l.referSecondaryCare ? 'refer' : 'no_referral',
    explanation: l.explanation,
    details: { referralReasons: l.referralReasons.join(',') },
  });
}

/**
 * R10.4: a preventive dental check before the start when oral hygiene is poor or in cancer patients.
 * The engine's input has no oral hygiene, so with a drug that carries this advice the clinician
 * decides (insufficient data); without a drug there is nothing to refer for.
 */
function dentistReferral(drugItem: AssessmentItem, config: ClinicalConfig): AssessmentItem {
  const proposed = drugItem.value;
  if (proposed === null || Array.isArray(proposed))
    return item('referral_dentist', {
      value: null,
      explanation: { rules: [], configKeys: [], conflicts: [] },
      missing: ['treatmentIndication'],
    });
  if (proposed === 'none')
    return item('referral_dentist', {
      value: 'no_referral',
      explanation: { rules: [], configKeys: [], conflicts: [] },
      extraMarkers: ['INFERRED'],
    });
  const instructions = drugInstructions(proposed as DrugCode, config);
  const check = instructions.dentalAdvice.includes('preventiveDentalCheckIfPoorOralHygieneOrCancer');
  return item('referral_dentist', {
    value: check ? null : 'no_referral',
    explanation: instructions.explanation,
    missing: check ? ['oralHygieneOrCancer'] : [],
    extraMarkers: ['INFERRED'],
    details: { drug: proposed },
  });
}

function lifestyle(a: PatientAssessment): AssessmentItem {
  const l = a.lifestyle;
  return item('lifestyle', {
    value: [...l.codes],
    explanation: l.explanation,
    missing: l.undetermined.flatMap((u) => u.missing),
    details: { undetermined: l.undetermined.map((u) => u.code).join(',') },
  });
}

function followUp(a: PatientAssessment): AssessmentItem {
  const c = a.followUp.careAfterDiagnosis;
  if (c.status === 'insufficientData')
    return item('follow_up', { value: null, explanation: c.explanation, missing: c.missing });
  if (c.status === 'notCovered')
    return item('follow_up', {
      value: null,
      explanation: c.explanation,
      extraMarkers: ['UNCONFIRMED'],
      details: { notCovered: c.ruleId },
    });
  return item('follow_up', {
    value: c.careOwner,
    explanation: c.explanation,
    details: { furtherFollowUp: c.furtherFollowUp },
  });
}

function calcium(a: PatientAssessment): AssessmentItem {
  const c = a.calcium;
  if (c.status === 'notCovered')
    return item('calcium', { value: null, explanation: c.explanation, extraMarkers: ['UNCONFIRMED'] });
  const supplement = c.supplement?.status === 'ok' ? c.supplement.supplementMgPerDay : null;
  const details = {
    requirementMgPerDay: c.requirementMgPerDay,
    intakeMg: c.intakeMg ?? null,
    supplementMgPerDay: supplement,
  };
  if (c.meetsRequirement === undefined)
    return item('calcium', { value: null, explanation: c.explanation, details, missing: ['calciumIntake'] });
  return item('calcium', {
    value: supplement !== null && supplement > 0 ? 'supplement' : 'no_supplement',
    explanation: c.explanation,
    details,
  });
}

function vitaminD(a: PatientAssessment): AssessmentItem {
  const v = a.vitaminD;
  if (v.withMedication !== null)
    return item('vitamin_d', {
      value: 'supplement',
      explanation: v.withMedication.explanation,
      details: { iuPerDay: v.withMedication.vitaminD3IUPerDay },
    });
  const p = v.population;
  if (p.status === 'insufficientData')
    return item('vitamin_d', { value: null, explanation: p.explanation, missing: p.missing });
  return item('vitamin_d', {
    value: p.extraVitaminDMicrogramPerDay > 0 ? 'supplement' : 'no_supplement',
    explanation: p.explanation,
    details: { iuPerDay: p.IU },
  });
}

/** Every decision item of an assessment, in the order of DECISION_ITEM_CODES. */
export function decisionItemsOf(a: PatientAssessment, config: ClinicalConfig): AssessmentItem[] {
  const drugItem = drug(a);
  return [
    diagnosis(a),
    vertebralFractures(a),
    treatmentIndication(a),
    drugItem,
    fallReferral(a, 'referral_fall_clinic'),
    fallReferral(a, 'referral_physiotherapy'),
    secondaryReferral(a),
    dentistReferral(drugItem, config),
    lifestyle(a),
    followUp(a),
    calcium(a),
    vitaminD(a),
  ];
}
