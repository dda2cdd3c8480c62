import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { elementsOf, labelFor, staticMarkup } from '../../testing/staticMarkup';
import { CodeFilterSelect } from './CodeFilterSelect';
import { DateFilterInput } from './DateFilterInput';
import { FilterForm, type FilterChip } from './FilterForm';

const noop = () => undefined;
const unchanged = { onChange: noop };
const fromDate = (value: string) =>
  createElement(DateFilterInput, {
    label: 'Vanaf',
    placeholder: 'dd-mm-jjjj',
    value,
    error: undefined,
    ...unchanged,
  });

describe('FilterForm', () => {
  const form = (props: { chips?: readonly FilterChip[]; initiallyOpen?: boolean }) =>
    staticMarkup(
      createElement(FilterForm, {
        title: 'Filteren',
        applyLabel: 'Toepassen',
        resetLabel: 'Wissen',
        toggleLabel:
          props.chips === undefined || props.chips.length === 0
            ? 'Filters'
            : `Filters (${String(props.chips.length)})`,
        chipsLabel: 'Actieve filters',
        removeLabel: (filter: string) => `Filter ${filter} verwijderen`,
        columns: 3,
        chips: props.chips ?? [],
        initiallyOpen: props.initiallyOpen ?? false,
        onSubmit: noop,
        onReset: noop,
        children: fromDate(''),
      }),
    );
  const open = form({ initiallyOpen: true });

  it('opened, is a search landmark named by its heading', () => {
    const [section] = elementsOf(open, 'section');
    const [search] = elementsOf(open, 'form');
    const [heading] = elementsOf(open, 'h2');
    expect(heading?.text).toBe('Filteren');
    const headingId = heading?.attributes.id;
    expect(headingId).toMatch(/.+/);
    expect(section?.attributes['aria-labelledby']).toBe(headingId);
    expect(search?.attributes).toMatchObject({ role: 'search', 'aria-labelledby': headingId });
  });

  it('opened, holds the fields, then apply (submits) and reset (does not), after the toggle that controls them', () => {
    const [search] = elementsOf(open, 'form');
    expect(search?.text).toContain('Vanaf');
    const buttons = elementsOf(open, 'button');
    expect(buttons.map((b) => [b.attributes.type, b.text])).toEqual([
      ['button', 'Filters'],
      ['submit', 'Toepassen'],
      ['button', 'Wissen'],
    ]);
    expect(buttons[0]?.attributes).toMatchObject({
      'aria-expanded': 'true',
      'aria-controls': search?.attributes.id,
    });
  });

  it('folded, is one line: the toggle, the filters in force as removable chips, and reset', () => {
    const html = form({
      chips: [
        { id: 'ageMin', label: 'Leeftijd vanaf: 80', onRemove: noop },
        { id: 'group', label: 'Patiëntgroep: Heupfractuur', onRemove: noop },
      ],
    });
    expect(elementsOf(html, 'form')).toEqual([]);
    expect(html).not.toContain('Vanaf');
    expect(html).toContain('Leeftijd vanaf: 80');
    const buttons = elementsOf(html, 'button');
    expect(buttons[0]?.attributes['aria-expanded']).toBe('false');
    expect(buttons[0]?.text).toBe('Filters (2)');
    expect(buttons.map((b) => b.attributes['aria-label']).filter((l) => l !== undefined)).toEqual([
      'Filter Leeftijd vanaf: 80 verwijderen',
      'Filter Patiëntgroep: Heupfractuur verwijderen',
    ]);
    expect(buttons.at(-1)?.text).toBe('Wissen');
  });

  it('folded without filters in force, is the toggle alone', () => {
    expect(elementsOf(form({}), 'button').map((b) => b.text)).toEqual(['Filters']);
  });
});

describe('CodeFilterSelect', () => {
  const render = (value: string, error: string | undefined) =>
    staticMarkup(
      createElement(CodeFilterSelect<'read' | 'login'>, {
        label: 'Actie',
        anyLabel: 'Alle acties',
        codes: ['read', 'login'],
        labelOf: (code) => (code === 'read' ? 'Inzien' : 'Inloggen'),
        value,
        error,
        ...unchanged,
      }),
    );

  it('offers "all" first, then each code by its label, with the current value selected', () => {
    const html = render('login', undefined);
    expect(
      elementsOf(html, 'option').map((o) => [o.attributes.value, o.text, 'selected' in o.attributes]),
    ).toEqual([
      ['', 'Alle acties', false],
      ['read', 'Inzien', false],
      ['login', 'Inloggen', true],
    ]);
    const [select] = elementsOf(html, 'select');
    expect(labelFor(html, select?.attributes.id)).toBe('Actie');
    expect(select?.attributes['aria-invalid']).toBeUndefined();
  });

  it('shows a refusal next to the field and marks it invalid', () => {
    const html = render('read', 'Deze waarde klopt niet.');
    const [select] = elementsOf(html, 'select');
    expect(select?.attributes['aria-invalid']).toBe('true');
    const error = elementsOf(html, 'p').find(
      (p) => p.attributes.id === select?.attributes['aria-describedby'],
    );
    expect(error?.text).toBe('Deze waarde klopt niet.');
  });
});

describe('DateFilterInput', () => {
  it('is labelled text with the date format, a numeric keyboard and no autofill', () => {
    const html = staticMarkup(fromDate('01-10-2026'));
    const [input] = elementsOf(html, 'input');
    expect(input?.attributes).toMatchObject({
      placeholder: 'dd-mm-jjjj',
      inputMode: 'numeric',
      autoComplete: 'off',
      value: '01-10-2026',
    });
    expect(labelFor(html, input?.attributes.id)).toBe('Vanaf');
  });
});
