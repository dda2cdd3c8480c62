import { describe, expect, it } from 'vitest';
import { BMD_SITES, DEFAULT_CONFIG, VERTEBRAL_LEVELS } from '@osteopad/clinical';
import { DXA_SITES, VFA_LEVELS, type DxaBody } from '@osteopad/contract';
import {
  classifyDxa,
  dxaInputOf,
  indexFractureInput,
  storedDxaSites,
  storedVertebrae,
  vfaInputOf,
  vfaResultOf,
  type PatientContext,
} from './densitometry';
import { densitometrySectionsOf } from './densitometrySections';
import { dxaIssues, vfaIssues } from './densitometryValidation';

const man: PatientContext = {
  sex: 'male',
  birthDate: '1950-03-01',
  fractures: [],
  sections: {},
  today: '2026-06-15',
};
const context = { today: '2026-06-15', birthDate: '1950-03-01' };

describe('contract code lists', () => {
  it('match the engine', () => {
    expect([...DXA_SITES]).toEqual([...BMD_SITES]);
    expect([...VFA_LEVELS]).toEqual([...VERTEBRAL_LEVELS]);
  });
});

describe('mapping to the engine input', () => {
  it('leaves empty values out and keeps evaluable and vertebrae evaluable', () => {
    const sites = storedDxaSites({
      lumbarSpine: { tScore: -2.1, bmdGcm2: null, vertebraeEvaluable: 3 },
      totalHip: { tScore: -1.0, evaluable: false },
    });
    expect(sites.femoralNeck).toBeNull();
    expect(dxaInputOf('2026-06-01', sites)).toEqual({
      date: '2026-06-01',
      lumbarSpine: { tScore: -2.1, evaluable: true, vertebraeEvaluable: 3 },
      totalHip: { tScore: -1.0, evaluable: false },
    });
  });

  it('maps vertebrae with a grade or a height loss', () => {
    const vertebrae = storedVertebrae([
      { level: 'T7', genantGrade: 1 },
      { level: 'L2', heightLossPercent: 41 },
    ]);
    expect(vfaInputOf(true, vertebrae)).toEqual({
      assessable: true,
      vertebrae: [
        { level: 'T7', genantGrade: 1 },
        { level: 'L2', heightLossPercent: 41 },
      ],
    });
  });

  it('answers only the sections recorded', () => {
    expect(densitometrySectionsOf(null, null)).toEqual({});
    const sections = densitometrySectionsOf(null, { assessable: false, vertebrae: [] });
    expect(sections).toEqual({ vfa: { assessable: false, vertebrae: [] } });
  });

  it('maps the index fracture only when its site is placed', () => {
    const base = { fractureDate: '2026-05-01', traumaMechanism: 'low' as const, pathological: null };
    expect(indexFractureInput({ ...base, siteCode: null })).toEqual([]);
    expect(indexFractureInput({ ...base, siteCode: 'radius_distal' })[0]?.mechanism).toBe('lowEnergy');
  });
});

describe('classification by the engine', () => {
  it('takes the lowest site for a man ≥ 50 (R4.1, R4.2)', () => {
    const c = classifyDxa(
      man,
      '2026-06-01',
      storedDxaSites({ lumbarSpine: { tScore: -1.2 }, femoralNeck: { tScore: -2.5 } }),
      DEFAULT_CONFIG,
    );
    expect(c.status).toBe('ok');
    expect(c.lowestSite).toBe('femoralNeck');
    expect(c.category).toBe('osteoporosis');
    expect(c.sites.map((s) => [s.site, s.category, s.used])).toEqual([
      ['lumbarSpine', 'osteopenia', true],
      ['femoralNeck', 'osteoporosis', true],
    ]);
  });

  it('leaves out a site that is not evaluable', () => {
    const c = classifyDxa(
      man,
      '2026-06-01',
      storedDxaSites({ lumbarSpine: { tScore: -3.0, evaluable: false }, totalHip: { tScore: -0.5 } }),
      DEFAULT_CONFIG,
    );
    expect(c.lowestSite).toBe('totalHip');
    expect(c.category).toBe('normal');
  });

  it('says the sex is missing when the engine cannot take it', () => {
    const c = classifyDxa(
      { ...man, sex: null },
      '2026-06-01',
      storedDxaSites({ totalHip: { tScore: -3 } }),
      DEFAULT_CONFIG,
    );
    expect(c.status).toBe('insufficientData');
    expect(c.missing).toEqual(['sex']);
  });

  it('grades a VFA (R5.2, R5.4) and answers not assessable (R5.1)', () => {
    const r = vfaResultOf(true, storedVertebrae([{ level: 'T9', heightLossPercent: 20 }]));
    expect(r.category).toBe('grade1');
    expect(r.explanation.rules.map((x) => x.ruleId)).toEqual(expect.arrayContaining(['R5.4', 'R5.2']));
    expect(vfaResultOf(false, []).status).toBe('notAssessable');
  });
});

describe('validation', () => {
  const dxa = (sites: DxaBody['sites'], examDate = '2026-06-01'): DxaBody => ({ examDate, sites });
  it('holds T- and Z-scores to the engine range (−10…+10)', () => {
    expect(dxaIssues(dxa({ totalHip: { tScore: -10, zScore: 10 } }), context)).toEqual([]);
    expect(dxaIssues(dxa({ totalHip: { tScore: 15, zScore: -12 } }), context).map((i) => i.field)).toEqual([
      'body.sites.totalHip.tScore',
      'body.sites.totalHip.zScore',
    ]);
  });
  it('holds BMD to 0.10–2.50 g/cm²', () => {
    expect(dxaIssues(dxa({ totalHip: { bmdGcm2: 0.1 }, femoralNeck: { bmdGcm2: 2.5 } }), context)).toEqual(
      [],
    );
    expect(dxaIssues(dxa({ totalHip: { bmdGcm2: 0 }, femoralNeck: { bmdGcm2: 9 } }), context)).toHaveLength(
      2,
    );
  });
  it('refuses exam dates in the future and before birth, and an empty DXA', () => {
    expect(dxaIssues(dxa({ totalHip: { tScore: -1 } }, '2026-06-16'), context)[0]?.code).toBe('future_date');
    expect(dxaIssues(dxa({ totalHip: { tScore: -1 } }, '1950-02-28'), context)[0]?.code).toBe('before_birth');
    expect(dxaIssues(dxa({ totalHip: { tScore: -1 } }, '2026-06-15'), context)).toEqual([]);
    expect(dxaIssues(dxa({}), context)[0]?.code).toBe('no_measurement');
  });
  it('refuses grade 4, a height loss outside 0–100, a vertebra twice and an empty vertebra', () => {
    const codes = vfaIssues(
      {
        examDate: '2026-06-01',
        assessable: true,
        vertebrae: [
          { level: 'T4', genantGrade: 4 },
          { level: 'T5', heightLossPercent: -1 },
          { level: 'T5', heightLossPercent: 100 },
          { level: 'T6' },
        ],
      },
      context,
    ).map((i) => i.code);
    expect(codes).toEqual([
      'genant_grade_invalid',
      'height_loss_out_of_range',
      'vertebra_listed_twice',
      'grade_or_height_loss_required',
    ]);
  });
});
