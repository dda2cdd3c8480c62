import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { DECLINE_REASONS, type DeclineReason } from '@osteopad/contract';
import { elementsOf, labelFor, staticMarkup, textOfId } from '../testing/staticMarkup';
import type { ReasonNoteErrors } from './reasonNote';
import { ReasonNoteFields } from './ReasonNoteFields';

const LABELS = { reason: 'Reden', note: 'Toelichting', noteHelp: 'Bij een andere reden verplicht.' };

function render(
  reason: DeclineReason | '',
  { errors = {}, askReason = true }: { errors?: ReasonNoteErrors; askReason?: boolean } = {},
) {
  return staticMarkup(
    createElement(ReasonNoteFields<DeclineReason>, {
      fields: { reason, note: 'verhuisd', errors, choose: () => undefined, write: () => undefined },
      reasons: DECLINE_REASONS,
      labelOf: (code) => `label of ${code}`,
      askReason,
      labels: LABELS,
      describeError: (error) => `sentence for ${error}`,
    }),
  );
}

describe('ReasonNoteFields', () => {
  it('offers every reason as a radio in one required group, the chosen one checked', () => {
    const html = render('moved_away');
    const group = /role="radiogroup" aria-labelledby="([^"]+)"/.exec(html);
    expect(textOfId(html, group?.[1] ?? '')).toBe('Reden *');
    const radios = elementsOf(html, 'input').filter((input) => input.attributes.type === 'radio');
    expect(radios.map((radio) => radio.attributes.value)).toEqual([...DECLINE_REASONS]);
    expect(
      radios.filter((radio) => 'checked' in radio.attributes).map((radio) => radio.attributes.value),
    ).toEqual(['moved_away']);
    expect(radios.map((radio) => labelFor(html, radio.attributes.id))).toEqual(
      DECLINE_REASONS.map((code) => `label of ${code}`),
    );
  });

  it('asks for the note, with its help, required only for "other"', () => {
    const note = (html: string) => elementsOf(html, 'textarea')[0];
    const coded = render('not_interested');
    expect(note(coded)?.text).toBe('verhuisd');
    expect(note(coded)?.attributes.maxLength).toBe('500');
    expect(labelFor(coded, note(coded)?.attributes.id)).toBe('Toelichting');
    expect(note(coded)?.attributes['aria-describedby']).toMatch(/description/);
    expect(coded).toContain(LABELS.noteHelp);
    const other = render('other');
    expect(labelFor(other, note(other)?.attributes.id)).toBe('Toelichting *');
  });

  it('says why next to each refused field, in the form’s own words', () => {
    const html = render('', { errors: { reason: 'reasonRequired', note: 'noteRequired' } });
    expect(html).toContain('sentence for reasonRequired');
    expect(html).toContain('sentence for noteRequired');
    expect(elementsOf(html, 'textarea')[0]?.attributes['aria-invalid']).toBe('true');
  });

  it('asks only for the note while the reasons do not apply', () => {
    const html = render('other', { askReason: false });
    expect(html).not.toContain('role="radiogroup"');
    expect(elementsOf(html, 'input')).toEqual([]);
    const note = elementsOf(html, 'textarea')[0];
    expect(labelFor(html, note?.attributes.id)).toBe('Toelichting');
  });
});
