import { expect, test } from '@playwright/test';
import { logInQuickly } from '../support/logIn';

/** Demo patient 18 (BSN 999990202): decided with one override by the demo (demoDecision.ts). */
const DECIDED_PATIENT_BSN = '999990202';

test('a specialist reopens the recorded decision, and an override without a reason is refused at its field', async ({
  page,
  context,
}) => {
  await logInQuickly(context, 'specialist');
  const session = await page.request.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const search = await page.request.post('/api/patients/search', {
    data: { q: DECIDED_PATIENT_BSN, limit: 1 },
    headers: { 'x-csrf-token': csrfToken },
  });
  const patientId = ((await search.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
  const record = (await (await page.request.get(`/api/patients/${patientId}`)).json()) as {
    episodes: { id: string }[];
  };
  const episodeId = record.episodes[0]?.id ?? '';

  await page.goto(`/episodes/${episodeId}/decision`);
  await expect(page.getByRole('heading', { level: 1, name: 'Besluit' })).toBeFocused();
  const stored = page.getByTestId('stored-decision');
  await expect(stored.getByRole('heading', { name: 'Vastgelegd besluit' })).toBeVisible();
  await expect(stored).toContainText('Besloten door Dr. S. de Wit (internist)');
  await expect(page.getByTestId('stored-referral_fall_clinic')).toContainText('Afgeweken: Verwijzen');

  // A new decision: the assessment with its rules, and the insufficient-data notes of this branch.
  await page.getByRole('button', { name: 'Nieuw besluit nemen' }).click();
  const diagnosis = page.getByTestId('item-diagnosis');
  // The assessment runs the engine over every section: on a loaded 2-core machine it took longer than
  // the default 5 s once (the consult bench measures it).
  await expect(diagnosis).toContainText('Te weinig gegevens om te beslissen. Ontbreekt: dxa', {
    timeout: 20_000,
  });
  await expect(diagnosis).toContainText('Regel R4.1');
  const physio = page.getByTestId('item-referral_physiotherapy');
  await physio.getByText('Afwijken').click();
  await physio
    .getByRole('radiogroup', { name: 'In plaats daarvan' })
    .getByRole('radio', { name: 'Verwijzen', exact: true })
    .check();
  await expect(page.getByTestId('plan-tasks')).toContainText('Verwijzen: fysiotherapie');
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(physio.getByText('Geef een reden voor het afwijken.')).toBeVisible();

  await physio.getByRole('textbox', { name: 'Reden van afwijken' }).fill('Loopt onzeker na de polsfractuur');
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(page.getByText('Het besluit is vastgelegd.')).toBeVisible();
  await expect(page.getByTestId('stored-referral_physiotherapy')).toContainText(
    'Reden: Loopt onzeker na de polsfractuur',
  );

  // Reopened from the server, exactly as stored; and once in English.
  await page.reload();
  await expect(page.getByTestId('stored-referral_physiotherapy')).toContainText('Afgeweken: Verwijzen');
  await page.getByRole('radiogroup', { name: 'Taal' }).getByText(/^EN\b/).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Recorded decision' })).toBeVisible();
  await expect(page.getByTestId('stored-referral_physiotherapy')).toContainText('Overridden: Refer');
});
