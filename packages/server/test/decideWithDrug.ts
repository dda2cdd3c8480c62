import { expect } from 'vitest';
import type { Assessment } from '@osteopad/contract';
import type { Harness, Session } from './appHarness';

/**
 * Records a decision through the real endpoints: the assessment as the engine gives it, every item
 * accepted except the drug, which the specialist overrides with the one the test names.
 */
export async function decideWithDrug(
  h: Harness,
  specialist: Session,
  episodeId: string,
  drug: string,
  reason = 'test: this drug',
): Promise<void> {
  const assessment = (
    await h.as(specialist, 'GET', `/api/episodes/${episodeId}/assessment`)
  ).json<Assessment>();
  const decided = await h.as(specialist, 'POST', `/api/episodes/${episodeId}/decision`, {
    fingerprint: assessment.fingerprint,
    basedOnDecisionId: null,
    episodeVersion: assessment.episodeVersion,
    items: assessment.items.map((i) =>
      i.code === 'drug'
        ? { code: i.code, choice: 'override', value: drug, reason }
        : { code: i.code, choice: 'accept' },
    ),
  });
  expect(decided.statusCode, decided.body).toBe(200);
}
