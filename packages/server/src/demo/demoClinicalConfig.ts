import type { ClinicalConfig } from '@osteopad/clinical';
import type { Database } from '../db/connection';
import { storedClinicalConfigs } from '../clinicalConfig/clinicalConfigs';
import { makeConfigVersion } from '../clinicalConfig/clinicalConfigVersions';
import { demoActor } from './demoActor';

/** What the demo's specialist confirmed, so that the configuration screen shows a version and its reason. */
export const DEMO_CONFIRMED_CONFIG_KEYS = ['calendar.monthEndRule', 'eligibility.ageReferenceDate'] as const;

/**
 * The demo clinic's first configuration version: its specialist confirmed two values as they are, with the
 * department's reason. Made after the demo's decisions, which so name the installation's configuration.
 */
export async function seedDemoClinicalConfig(
  db: Database,
  organizationId: string,
  clinical: ClinicalConfig,
  today: string,
): Promise<void> {
  const specialist = await demoActor(db, organizationId, 'specialist');
  if (specialist === null) return;
  await makeConfigVersion(
    db,
    storedClinicalConfigs(db, clinical),
    specialist,
    {
      basedOn: 0,
      reason: 'Besproken in de vakgroep osteoporose (demo)',
      changes: DEMO_CONFIRMED_CONFIG_KEYS.map((key) => ({ key, value: clinical.entries[key].value })),
    },
    today,
  );
}
