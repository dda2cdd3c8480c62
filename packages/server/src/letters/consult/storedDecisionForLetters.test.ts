import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, drugInstructions } from '@osteopad/clinical';
import { DomainError } from '../../domain/errors';
import { validateConsultLetterInput } from './consultLetterInput';
import { dxaOf, labsOf, lettersViewOfDecision, vfaOf } from './storedDecisionForLetters';
import { acceptedDecision, investigatedPatient } from './test-support/decidedPatient';
import { consultLetterInput } from '../test-support/consultLetters';

const facts = { decidedByRole: 'specialist' as const };

describe('the letters’ view of a stored decision', () => {
  const decision = acceptedDecision({ follow_up: 'gp' });
  const view = lettersViewOfDecision(decision, facts);

  it('names the decision, its hospital day and who decided', () => {
    expect(view.decisionId).toBe(decision.id);
    // Decided at 23:30 UTC: 00:30 the next day in the Netherlands.
    expect(view.decidedOn).toBe('2026-11-25');
    expect(view.decidedBy).toEqual({ displayName: 'Dr. A. Bakker', role: 'specialist' });
  });

  it('takes the diagnosis as decided and the lowest T-score as the engine read the DXA', () => {
    expect(view.diagnosis).toEqual({
      bmdCategory: 'severeOsteoporosis',
      lowestSite: 'lumbarSpine',
      lowestTScore: -2.6,
      vfaCategory: 'grade2_single',
    });
    const overridden = lettersViewOfDecision(acceptedDecision({ diagnosis: 'osteoporosis' }), facts);
    expect(overridden.diagnosis).toMatchObject({ bmdCategory: 'osteoporosis', lowestTScore: -2.6 });
  });

  it('prints the DXA sites used, the VFA’s fractures and the labs as recorded', () => {
    expect(view.dxa).toEqual({
      date: '2026-11-10',
      sites: [
        { site: 'lumbarSpine', tScore: -2.6, zScore: -1.5, bmdGcm2: 0.78 },
        { site: 'totalHip', tScore: -2.1, zScore: -0.9, bmdGcm2: 0.68 },
        { site: 'femoralNeck', tScore: -2.3, zScore: -1.1, bmdGcm2: 0.59 },
      ],
    });
    expect(view.vfa).toEqual({ status: 'assessed', fractures: [{ level: 'T12', grade: 2 }] });
    expect(view.labs).toEqual([
      { test: 'albuminCorrectedCalcium', value: 2.31, unit: 'mmol/l', range: null, flag: 'normal' },
      { test: 'eGFR', value: 62, unit: 'ml/min/1,73m²', range: null, flag: null },
      { test: '25OHD', value: 45, unit: 'nmol/l', range: null, flag: null },
    ]);
  });

  it('gives the drug with its R10 instructions from the engine’s table', () => {
    const i = drugInstructions('alendronate', DEFAULT_CONFIG);
    expect(view.plan.medication).toEqual({
      drug: 'alendronate',
      dose: { amount: 70, unit: 'mg', route: 'oral', every: { count: 1, unit: 'week' } },
      administration: i.administration,
      sideEffects: i.sideEffectsToTell,
      dentalAdvice: i.dentalAdvice,
      longTermRiskAdvice: i.longTermRiskAdvice,
      startAfterWeeks: null,
    });
  });

  it('gives calcium, vitamin D, lifestyle and the referrals with their due dates', () => {
    expect(view.plan.calcium).toEqual({
      requirementMgPerDay: 1200,
      intakeMgPerDay: 515,
      supplementMgPerDay: null,
    });
    expect(view.plan.vitaminD).toEqual({ iuPerDay: 800, weeklyAlternativeIU: 5600 });
    expect(view.plan.lifestyle).toEqual(decision.lifestyle);
    expect(view.plan.referrals).toEqual([{ to: 'fallPrevention', dueDate: '2026-12-08' }]);
    const more = lettersViewOfDecision(
      acceptedDecision({ referral_physiotherapy: 'refer', referral_secondary_osteoporosis: 'refer' }),
      facts,
    );
    expect(more.plan.referrals.map((r) => r.to)).toEqual(['fallPrevention', 'physiotherapy', 'internist']);
  });

  it('hands the R11 follow-up to the decided care owner, else keeps it with the clinic', () => {
    expect(view.followUp.careOwner).toBe('gp');
    expect(view.followUp.items[0]).toEqual({ kind: 'evaluation', responsible: 'gp', dueDate: '2027-02-24' });
    expect(view.followUp.items.map((f) => f.kind)).toEqual(decision.followUp.map((f) => f.kind));
    // The engine leaves R11.3 open here (no treatment started yet); accepted, no owner is decided.
    const open = lettersViewOfDecision(acceptedDecision(), facts);
    expect(open.followUp.careOwner).toBe('none');
    expect(new Set(open.followUp.items.map((f) => f.responsible))).toEqual(new Set(['flsSpecialist']));
  });

  it('starts the drug after R13.4’s weeks of vitamin D when the level is low', () => {
    const low = acceptedDecision(
      { follow_up: 'gp' },
      {
        ...investigatedPatient,
        labs: { ...investigatedPatient.labs, serum25OHDNmolL: 20 },
      },
    );
    const v = lettersViewOfDecision(low, facts);
    expect(v.plan.medication?.startAfterWeeks).toBe(6);
    expect(v.followUp.items[0]).toEqual({
      kind: 'startMedication',
      responsible: 'flsSpecialist',
      dueDate: '2027-01-05',
    });
  });

  it('without a drug: no medication and no follow-up', () => {
    const none = lettersViewOfDecision(
      acceptedDecision({ treatment_indication: 'no_treatment', drug: 'none' }),
      facts,
    );
    expect(none.plan.medication).toBeNull();
    expect(none.followUp.items).toEqual([]);
  });

  it('passes the letters’ boundary check', () => {
    expect(() => validateConsultLetterInput(consultLetterInput({ decision: view }))).not.toThrow();
  });

  it('refuses a stored code the letters cannot word instead of dropping it', () => {
    const odd = acceptedDecision();
    const changed = { ...odd, lifestyle: [...odd.lifestyle, 'yoga'] };
    expect(() => lettersViewOfDecision(changed, facts)).toThrow(DomainError);
  });
});

describe('the investigations as the letters print them', () => {
  it('without a VFA, or one not assessable', () => {
    expect(vfaOf(null)).toEqual({ status: 'notDone', fractures: [] });
    expect(vfaOf({ assessable: false, vertebrae: [] })).toEqual({ status: 'notAssessable', fractures: [] });
    expect(vfaOf({ assessable: true, vertebrae: [{ level: 'L2', heightLossPercent: 41 }] })).toEqual({
      status: 'assessed',
      fractures: [{ level: 'L2', grade: 3 }],
    });
  });

  it('without a DXA or labs, and a creatinine clearance that is no serum creatinine', () => {
    expect(dxaOf(null)).toEqual({ date: null, sites: [] });
    expect(labsOf(null)).toEqual([]);
    expect(labsOf({ creatinineClearanceMlMin: 50, albuminCorrectedCalciumFlag: 'low' })).toEqual([]);
  });
});
