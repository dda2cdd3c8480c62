import { describe, expect, it } from 'vitest';
import { INLINE_MAX_LENGTH, compactJson, configValueText } from './configValue';

describe('configValueText', () => {
  it('shows a code as it is, without JSON quotes', () => {
    expect(configValueText('clampToMonthEnd')).toEqual({ kind: 'inline', text: 'clampToMonthEnd' });
  });

  it('keeps an empty text visible', () => {
    expect(configValueText('')).toEqual({ kind: 'inline', text: '""' });
  });

  it('shows numbers and booleans as the configuration file writes them', () => {
    expect(configValueText(24)).toEqual({ kind: 'inline', text: '24' });
    expect(configValueText(0.858)).toEqual({ kind: 'inline', text: '0.858' });
    expect(configValueText(-1.5)).toEqual({ kind: 'inline', text: '-1.5' });
    expect(configValueText(true)).toEqual({ kind: 'inline', text: 'true' });
    expect(configValueText(false)).toEqual({ kind: 'inline', text: 'false' });
  });

  it('reports a missing value as none, for the screen to say in words', () => {
    expect(configValueText(null)).toEqual({ kind: 'none' });
    expect(configValueText(undefined)).toEqual({ kind: 'none' });
  });

  it('shows short lists and objects as JSON on one line', () => {
    expect(configValueText([16, 52])).toEqual({ kind: 'inline', text: '[16, 52]' });
    expect(configValueText(['alendronate', 'risedronate'])).toEqual({
      kind: 'inline',
      text: '["alendronate", "risedronate"]',
    });
    expect(configValueText({ min: 30, unit: 'ml/min' })).toEqual({
      kind: 'inline',
      text: '{"min": 30, "unit": "ml/min"}',
    });
    expect(configValueText([])).toEqual({ kind: 'inline', text: '[]' });
    expect(configValueText({})).toEqual({ kind: 'inline', text: '{}' });
  });

  it('lays out a value too long for one line as indented JSON', () => {
    // `["…"]` is the text plus four characters: 80 fit on one line, 81 do not.
    const fits = ['a'.repeat(INLINE_MAX_LENGTH - 4)];
    expect(configValueText(fits)).toEqual({ kind: 'inline', text: JSON.stringify(fits) });
    const tooLong = ['a'.repeat(INLINE_MAX_LENGTH - 3)];
    expect(configValueText(tooLong)).toEqual({ kind: 'block', text: JSON.stringify(tooLong, null, 2) });

    const table = {
      female: { meanGcm2: 0.858, sdGcm2: 0.12 },
      male: { meanGcm2: 0.934, sdGcm2: 0.137 },
      note: 'NHANES III',
    };
    const result = configValueText(table);
    expect(result.kind).toBe('block');
    if (result.kind !== 'block') return;
    expect(result.text.split('\n')).toContain('    "meanGcm2": 0.858,');
    expect(JSON.parse(result.text)).toEqual(table);
  });

  it('keeps a long code on one line: it has no structure to lay out', () => {
    const code = 'x'.repeat(INLINE_MAX_LENGTH * 2);
    expect(configValueText(code)).toEqual({ kind: 'inline', text: code });
  });
});

describe('compactJson', () => {
  it('is valid JSON for nested values, with spaces to wrap on', () => {
    const value = { a: [1, { b: 'x,y' }], c: null, d: true };
    const text = compactJson(value);
    expect(text).toBe('{"a": [1, {"b": "x,y"}], "c": null, "d": true}');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('quotes texts inside lists and escapes what JSON escapes', () => {
    expect(compactJson(['say "hi"'])).toBe('["say \\"hi\\""]');
  });
});
