import { existsSync } from 'node:fs';
import { WEB_INDEX } from './environment';
import { saveSharedSessions } from './sessions';

/**
 * The tests drive the built app that the server serves; they never build it themselves. The server
 * is already up here (Playwright starts `webServer` first), so the shared sessions can log in.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(
      `The web app is not built: ${WEB_INDEX} is missing.\n` +
        'Build it first: npm run build -w @osteopad/web   (npm test does this for you)',
    );
  }
  await saveSharedSessions();
}
