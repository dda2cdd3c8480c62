// An MLLP listener on a free loopback port for the tests, importing for one organisation.
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import type { Database } from '../src/db/connection';
import { storedClinicalConfigs } from '../src/clinicalConfig/clinicalConfigs';
import { cliSubject } from '../src/caseFinding/channels/cli/cliSubject';
import {
  startMllpListener,
  type MllpLimits,
  type MllpListener,
} from '../src/caseFinding/channels/mllp/mllpListener';

export function startTestMllpListener(
  db: Database,
  organizationId: string,
  options: { now: Date; log?: (line: string) => void; limits?: Partial<MllpLimits> },
): Promise<MllpListener> {
  return startMllpListener(
    {
      db,
      organizationId,
      subject: cliSubject(organizationId, 'mllp'),
      clinicalConfigs: storedClinicalConfigs(db, DEFAULT_CONFIG),
      clock: () => new Date(options.now),
      log: options.log ?? (() => undefined),
    },
    { host: '127.0.0.1', port: 0, ...(options.limits === undefined ? {} : { limits: options.limits }) },
  );
}
