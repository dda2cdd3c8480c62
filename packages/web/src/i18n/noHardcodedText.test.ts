/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findHardcodedText } from './sourceChecks';

/*
 * Every word the user reads or hears comes from nl.json / en.json. This parses each .tsx file with the
 * TypeScript compiler and reports:
 *   - text between JSX tags that contains a letter (`<p>Hallo</p>`) and `{'literal'}` children;
 *   - literal values of the user-facing attributes label, placeholder, title, aria-label, alt,
 *     description and error — also through conditionals (`{x ? 'A' : 'B'}`) and in the `label` of
 *     option objects (`data={[{ value: 'a', label: 'A' }]}`).
 * Allowed, because no user reads them as words: text without letters (punctuation such as "←" or
 * "·" between translated parts), other attributes (`variant="light"`, `autoComplete="username"`,
 * `data-testid`), codes passed as props (`roles={['admin']}`), and data from the server (names,
 * BSNs) rendered from variables. Brand and product names go through the catalogues too (app.name).
 */

const SRC = fileURLToPath(new URL('..', import.meta.url));

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

describe('no hard-coded user text', () => {
  const files = tsxFiles(SRC);

  it('checks every component', () => {
    expect(files.length).toBeGreaterThan(25);
  });

  it('finds no literal text in any .tsx file', () => {
    const findings = files.flatMap((path) =>
      findHardcodedText(relative(SRC, path), readFileSync(path, 'utf8')).map(
        (f) => `${f.file}:${String(f.line)} ${f.text}`,
      ),
    );
    expect(findings).toEqual([]);
  });
});

describe('the hard-coded text finder', () => {
  const find = (source: string): string[] => findHardcodedText('Example.tsx', source).map((f) => f.text);

  it('reports text between tags and literal children', () => {
    expect(find(`const A = () => <p>Hallo wereld</p>;`)).toEqual(['Hallo wereld']);
    expect(find(`const A = () => <p>{'Opslaan'}</p>;`)).toEqual([`{'Opslaan'}`]);
    expect(find(`const A = (p: { x: boolean }) => <p>{p.x ? 'Ja' : 'Nee'}</p>;`)).toEqual([
      `{'Ja'}`,
      `{'Nee'}`,
    ]);
    expect(find('const A = (p: { n: number }) => <p>{`${p.n} patiënten`}</p>;')).toHaveLength(1);
  });

  it('reports literal values of user-facing attributes', () => {
    expect(find(`const A = () => <TextInput label="Naam" placeholder="Zoek" />;`)).toEqual([
      'label="Naam"',
      'placeholder="Zoek"',
    ]);
    expect(find(`const A = () => <button aria-label={'Sluiten'} title={\`Uitleg\`} />;`)).toHaveLength(2);
    expect(find(`const A = () => <img alt="Logo" />;`)).toEqual(['alt="Logo"']);
    expect(find(`const A = (p: { e?: string }) => <TextInput error={p.e ?? 'Verplicht'} />;`)).toHaveLength(
      1,
    );
    expect(find(`const A = () => <Empty description="Niets gevonden" />;`)).toHaveLength(1);
  });

  it('reports labels in option objects', () => {
    expect(find(`const A = () => <Select data={[{ value: 'a', label: 'Appel' }]} />;`)).toEqual([
      `data={… 'Appel' …}`,
    ]);
    expect(
      find(`const A = () => <Select data={xs.map((x) => ({ value: x, label: 'Peer' }))} />;`),
    ).toHaveLength(1);
  });

  it('accepts translated text, punctuation, codes and non-text attributes', () => {
    const source = `
      const A = (p: { name: string }) => (
        <Stack gap="md" data-testid="x">
          <Title order={1}>{t('patients.title')}</Title>
          <span aria-hidden="true">← </span>
          <TextInput label={t('login.username')} autoComplete="username" variant="filled" />
          <Select data={[{ value: 'a', label: t('x.y') }]} />
          <RequireRole roles={['admin']}>{p.name}</RequireRole>
          {/* comments are not text */}
        </Stack>
      );`;
    expect(find(source)).toEqual([]);
  });
});
