import { describe, expect, it } from 'vitest';
import { parseClinicalConfig } from '../config';
import { drugChoice } from './choice';

describe('R10.1 drug choice', () => {
  it('prefers alendronate or risedronate', () => {
    expect(
      drugChoice({
        hipFracture: false,
        daysSinceHipFracture: null,
        contraindicationOralBisphosphonate: false,
      }),
    ).toMatchObject({
      preferredFirstLine: ['alendronate', 'risedronate'],
      alternatives: ['alendronateOralSolution', 'zoledronicAcid', 'denosumab'],
      considerAnabolic: [],
    });
  });

  it('prefers zoledronic acid after a hip fracture less than 90 days ago [UNCONFIRMED window]', () => {
    expect(
      drugChoice({ hipFracture: true, daysSinceHipFracture: 89, contraindicationOralBisphosphonate: false })
        .preferredFirstLine,
    ).toEqual(['zoledronicAcid']);
    expect(
      drugChoice({ hipFracture: true, daysSinceHipFracture: 90, contraindicationOralBisphosphonate: false })
        .preferredFirstLine,
    ).toEqual(['alendronate', 'risedronate']);
    const config = parseClinicalConfig({ version: 't', values: { 'drugs.recentHipFractureDays': 120 } });
    expect(
      drugChoice(
        { hipFracture: true, daysSinceHipFracture: 100, contraindicationOralBisphosphonate: false },
        config,
      ).preferredFirstLine,
    ).toEqual(['zoledronicAcid']);
  });

  it('moves to step 3 with a contraindication for oral bisphosphonates', () => {
    const result = drugChoice({
      hipFracture: false,
      daysSinceHipFracture: null,
      contraindicationOralBisphosphonate: true,
    });
    expect(result.preferredFirstLine).toEqual(['zoledronicAcid', 'denosumab']);
    expect(result.alternatives).toEqual(['alendronateOralSolution']);
    expect(
      drugChoice({ hipFracture: true, daysSinceHipFracture: 10, contraindicationOralBisphosphonate: true })
        .preferredFirstLine,
    ).toEqual(['zoledronicAcid']);
  });

  it('offers anabolic drugs in severe postmenopausal osteoporosis with the criteria as a gap', () => {
    const result = drugChoice({
      hipFracture: false,
      daysSinceHipFracture: null,
      contraindicationOralBisphosphonate: false,
      severeOsteoporosisPostmenopausalWoman: true,
    });
    expect(result.considerAnabolic).toEqual(['teriparatide', 'romosozumab']);
    expect(result.anabolicCriteria).toMatchObject({ status: 'notCovered', ruleId: 'R10.1' });
  });

  it('can follow the older FK sequence (C12)', () => {
    const old = parseClinicalConfig({ version: 't', values: { 'drugs.choiceSequence': 'olderFK' } });
    const result = drugChoice(
      { hipFracture: true, daysSinceHipFracture: 10, contraindicationOralBisphosphonate: false },
      old,
    );
    expect(result.preferredFirstLine).toEqual(['alendronate', 'risedronate']);
    expect(result.notModelledAlternatives).toContain('ibandronate');
    expect(result.explanation.conflicts).toContain('C12');
  });
});
