import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { elementsOf, labelFor, staticMarkup } from '../../testing/staticMarkup';
import { CodeFilterSelect } from './CodeFilterSelect';
import { DateFilterInput } from './DateFilterInput';
import { FilterForm } from './FilterForm';

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
  const html = staticMarkup(
    createElement(FilterForm, {
      title: 'Filteren',
      applyLabel: 'Toepassen',
      resetLabel: 'Wissen',
      columns: 3,
      onSubmit: noop,
      onReset: noop,
      children: fromDate(''),
    }),
  );

  it('is a search landmark named by its heading', () => {
    const [section] = elementsOf(html, 'section');
    const [form] = elementsOf(html, 'form');
    const [heading] = elementsOf(html, 'h2');
    expect(heading?.text).toBe('Filteren');
    const headingId = heading?.attributes.id;
    expect(headingId).toMatch(/.+/);
    expect(section?.attributes['aria-labelledby']).toBe(headingId);
    expect(form?.attributes).toMatchObject({ role: 'search', 'aria-labelledby': headingId });
  });

  it('holds the fields, then apply (submits) and reset (does not)', () => {
    expect(elementsOf(html, 'form')[0]?.text).toContain('Vanaf');
    expect(elementsOf(html, 'button').map((b) => [b.attributes.type, b.text])).toEqual([
      ['submit', 'Toepassen'],
      ['button', 'Wissen'],
    ]);
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
