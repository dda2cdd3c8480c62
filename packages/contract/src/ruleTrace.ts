import { z } from 'zod/mini';
import { RULE_MARKERS } from './codes';
import { knownCode } from './fields';

/**
 * One rule an engine answer rests on (packages/clinical explanation.ts): its RULES.md ID, the sources
 * and the confidence marker — what every screen that shows an engine result shows beside it.
 */
export const ruleTraceSchema = z.object({
  ruleId: z.string(),
  sources: z.array(z.string()),
  marker: knownCode(RULE_MARKERS),
  note: z.nullable(z.string()),
});
export type RuleTraceAnswer = z.infer<typeof ruleTraceSchema>;
export type RuleTraceView = RuleTraceAnswer;
