import {
  mergeExplanations,
  vitaminDDoseCheck,
  vitaminDGr2008,
  vitaminDGr2012,
  vitaminDWithMedication,
  type ClinicalConfig,
  type PopulationVitaminDAdvice,
} from '@osteopad/clinical';
import type { VitaminDAdvice, vitaminDAdviceBody } from '@osteopad/contract';
import type { z } from 'zod/mini';
import { ruleViews } from '../labResults/labEngine';
import { refuseInconsistentSituation, withEngineInput } from './engineInput';

export type VitaminDAdviceRequest = z.output<typeof vitaminDAdviceBody>;

const ENGINE_FIELDS = { pregnantOrLactating: 'pregnant', veil: 'bodyCovering' } as const;

/**
 * The clinic's population scheme (`vitaminD.scheme`, C8) on these answers. GR 2008 asks about a veil: the
 * calculator's one question on body-covering clothing (head included) stands for it, for women, as the
 * leaflet's veil lines are women's (docs/CLINICAL-SAFETY.md, section 9).
 */
function populationAdvice(body: VitaminDAdviceRequest, config: ClinicalConfig): PopulationVitaminDAdvice {
  if (config.entries['vitaminD.scheme'].value === 'GR2012') {
    return vitaminDGr2012({
      ageYears: body.ageYears,
      sex: body.sex,
      darkSkin: body.darkSkin,
      outdoorsSufficient: body.outdoorsSufficient,
      bodyCovering: body.bodyCovering,
      pregnant: body.pregnant,
    });
  }
  return vitaminDGr2008(
    {
      ageYears: body.ageYears,
      sex: body.sex,
      darkSkin: body.darkSkin,
      outdoorsSufficient: body.outdoorsSufficient,
      veil: body.sex === 'female' && body.bodyCovering,
      pregnantOrLactating: body.pregnant || body.breastfeeding,
      nursingHome: body.nursingHome,
      osteoporosis: body.osteoporosis,
    },
    config,
  );
}

/**
 * `POST /api/advice/vitamin-d`: the engine's R13 answers for these questions. With fracture-prevention
 * medication R13.3's dose is the one to take (RULES.md: for FLS patients the treatment rule applies);
 * otherwise the population scheme's.
 */
export function adviseVitaminD(body: VitaminDAdviceRequest, config: ClinicalConfig): VitaminDAdvice {
  refuseInconsistentSituation(body);
  const population = withEngineInput(ENGINE_FIELDS, () => populationAdvice(body, config));
  const medication = body.onFracturePreventionMedication ? vitaminDWithMedication(config) : null;
  const dailyIU = body.currentDailyIU;
  const doseCheck =
    dailyIU === undefined ? null : withEngineInput({}, () => vitaminDDoseCheck({ dailyIU }, config));
  const explanation = mergeExplanations(
    population.explanation,
    ...(medication === null ? [] : [medication.explanation]),
    ...(doseCheck === null ? [] : [doseCheck.explanation]),
  );
  return {
    microgramPerDay: medication?.microgramPerDay ?? population.extraVitaminDMicrogramPerDay,
    iuPerDay: medication?.vitaminD3IUPerDay ?? population.IU,
    basis: medication === null ? 'population' : 'medication',
    scheme: population.scheme,
    population: {
      microgramPerDay: population.extraVitaminDMicrogramPerDay,
      iuPerDay: population.IU,
      matchedGroups: [...population.matchedGroups],
      rules: ruleViews(population.explanation),
    },
    withMedication:
      medication === null
        ? null
        : {
            microgramPerDay: medication.microgramPerDay,
            iuPerDay: medication.vitaminD3IUPerDay,
            weeklyAlternativeIU: medication.weeklyAlternativeIU,
            weeklyDropsAlternativeIU: medication.weeklyDropsAlternativeIU,
            lifelong: medication.lifelong,
            encourageDaylightOutdoors: medication.encourageDaylightOutdoors,
            rules: ruleViews(medication.explanation),
          },
    doseCheck:
      doseCheck === null
        ? null
        : {
            avoidFallRisk: doseCheck.avoidFallRisk,
            fallRiskDailyIU: config.entries['vitaminD.fallRiskDailyIU'].value,
            rules: ruleViews(doseCheck.explanation),
          },
    rules: ruleViews(explanation),
    conflicts: [...explanation.conflicts],
  };
}
