// The demo hospital's investigations: demo patient 14 (a man) has a DXA and a VFA recorded, patient 15
// (a woman) a DXA only — recorded through the same repository as the screen, so they are audited and
// classified like any other.
import { addDays, DEFAULT_CONFIG } from '@osteopad/clinical';
import type { Database } from '../db/connection';
import type { Actor } from '../auth/actor';
import { recordDxa, recordVfa } from '../investigations/investigationsRecords';

export const DEMO_DXA_AND_VFA = 14;
export const DEMO_DXA_ONLY = 15;

export async function recordDemoDensitometry(
  db: Database,
  actor: Actor,
  episodeOf: (index: number) => string | undefined,
  today: string,
): Promise<void> {
  const examDate = addDays(today, -3);
  const withBoth = episodeOf(DEMO_DXA_AND_VFA);
  if (withBoth !== undefined) {
    await recordDxa(
      db,
      actor,
      withBoth,
      {
        examDate,
        device: 'Hologic Horizon A',
        sites: {
          lumbarSpine: { bmdGcm2: 0.84, tScore: -2.2, zScore: -1.0, vertebraeEvaluable: 4 },
          totalHip: { bmdGcm2: 0.71, tScore: -1.9, zScore: -0.7 },
          femoralNeck: { bmdGcm2: 0.58, tScore: -2.7, zScore: -1.3 },
        },
      },
      today,
      DEFAULT_CONFIG,
    );
    await recordVfa(
      db,
      actor,
      withBoth,
      {
        examDate,
        assessable: true,
        vertebrae: [
          { level: 'T12', genantGrade: 2 },
          { level: 'L1', heightLossPercent: 22 },
        ],
      },
      today,
    );
  }
  const dxaOnly = episodeOf(DEMO_DXA_ONLY);
  if (dxaOnly !== undefined) {
    await recordDxa(
      db,
      actor,
      dxaOnly,
      {
        examDate,
        device: 'GE Lunar iDXA',
        sites: {
          lumbarSpine: { tScore: -1.4, zScore: -0.2 },
          totalHip: { tScore: -0.8, zScore: 0.3 },
          femoralNeck: { tScore: -1.1, zScore: 0.1 },
        },
      },
      today,
      DEFAULT_CONFIG,
    );
  }
}
