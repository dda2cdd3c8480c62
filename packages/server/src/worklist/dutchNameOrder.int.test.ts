// Dutch name order (migration 0030): the name key is the surname without its prefix, folded for case and
// accents, with the prefix after it; the worklist's name sort (walked page by page through its cursors)
// and the patient search list in that order, and show the names as registered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { SESSION_COOKIE } from '../auth/authenticate';

let h: Harness;
let admin: Session;
let nurse: Session;

async function sortKey(name: string): Promise<string> {
  const r = await h.db.owner.query<{ key: string }>('SELECT osteopad_name_sort_key($1) AS key', [name]);
  return r.rows[0]?.key ?? '';
}

const KEYS: readonly [string, string][] = [
  ['Jansen', 'jansen'],
  ['de Boer', 'boer de'],
  ['De Vries', 'vries de'],
  ['van den Berg', 'berg van den'],
  ['Berg, van den', 'berg van den'],
  ["in 't Veld", "veld in 't"],
  ["'t Hart", "hart 't"],
  ["d'Ancona", "ancona d'"],
  ['D’Hondt', "hondt d'"],
  ['ter Horst', 'horst ter'],
  ['van der Sluis-van Dam', 'sluis-van dam van der'],
  ['  de   Jong ', 'jong de'],
  ['Özdemir', 'ozdemir'],
  ['Müller', 'muller'],
  ['Łukasiewicz', 'lukasiewicz'],
  ['Šimić', 'simic'],
  ['IJsselstein', 'ijsselstein'],
  ['Ĳzerman', 'ijzerman'],
  ['Øverby', 'overby'],
  ['Straße', 'strasse'],
  ['Çelik', 'celik'],
  ['İnce', 'ince'],
  // Nothing after the prefix word: the word is the surname.
  ['Van', 'van'],
];

/** The order a Dutch reader expects, as registered; each line's name is imported as a patient. */
const DUTCH_ORDER = [
  'Bakker',
  'van den Berg',
  'Boer',
  'de Boer',
  'Boerma',
  'Ihle',
  'IJsselstein',
  'Ikema',
  'de Jong',
  'Jonker',
  'Özdemir',
  'Ozinga',
  'Vries',
  'de Vries',
];

function csv(names: readonly string[]): string {
  const header =
    'patient_id,bsn,family_name,given_names,initials,birth_date,sex,street,house_number,postal_code,city,phone,gp_name,gp_agb,fracture_date,fracture_site,icd10,encounter_type,trauma_mechanism,pathological';
  const rows = names.map(
    (name, k) =>
      `N${String(2000 + k)},,"${name}",Anna,A.,1950-0${1 + (k % 9)}-1${k % 10},V,,,,,,,,2026-01-0${1 + (k % 9)},heupfractuur,S72.0,SEH,laag,nee`,
  );
  return [header, ...rows].join('\n');
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2026-01-15T09:00:00Z');
  admin = await h.login(h.orgA.users.admin.username);
  nurse = await h.login(h.orgA.users.nurse.username);
  // Shuffled, so that neither the import order nor the ids happen to give the expected order.
  const shuffled = DUTCH_ORDER.map((name, k) => ({ name, k: (k * 7) % DUTCH_ORDER.length })).sort(
    (a, b) => a.k - b.k,
  );
  const r = await h.app.inject({
    method: 'POST',
    url: '/api/imports?format=csv&sourceSystem=HIS',
    cookies: { [SESSION_COOKIE]: admin.cookie },
    headers: { 'x-csrf-token': admin.csrfToken, 'content-type': 'text/plain' },
    payload: csv(shuffled.map((s) => s.name)),
  });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json<{ imported: number }>().imported).toBe(DUTCH_ORDER.length);
}, 120_000);

afterAll(async () => {
  await h.close();
});

describe('the Dutch name key', () => {
  it.each(KEYS)('keys %j as %j', async (name, key) => {
    expect(await sortKey(name)).toBe(key);
  });
});

describe('lists in Dutch name order', () => {
  it('sorts the invitation worklist by surname without prefix, page by page, showing the names as registered', async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `view=to_invite&sort=name&limit=4${cursor === null ? '' : `&cursor=${cursor}`}`;
      const r = await h.as(nurse, 'GET', `/api/worklist?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      const page = r.json<{ items: { familyName: string }[]; nextCursor: string | null }>();
      names.push(...page.items.map((i) => i.familyName));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(names.filter((n) => DUTCH_ORDER.includes(n))).toEqual(DUTCH_ORDER);
  });

  it('sorts the patient list the same way', async () => {
    const r = await h.as(nurse, 'POST', '/api/patients/search', { limit: 100, offset: 0 });
    expect(r.statusCode, r.body).toBe(200);
    const names = r.json<{ items: { familyName: string }[] }>().items.map((p) => p.familyName);
    expect(names.filter((n) => DUTCH_ORDER.includes(n))).toEqual(DUTCH_ORDER);
  });
});
