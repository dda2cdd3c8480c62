import { describe, expect, it } from 'vitest';
import type { ConfigValueShape } from '@osteopad/contract';
import { configValueProblem, parseNumberList } from './configValueCheck';

const age = { kind: 'number', min: 0, max: 130, integer: true } as const;

describe('configValueProblem', () => {
  it('refuses a number outside its range or a fraction where a whole number is asked, with the range', () => {
    expect(configValueProblem(age, 50)).toBeNull();
    expect(configValueProblem(age, 140)).toEqual({ kind: 'range', min: 0, max: 130, integer: true });
    expect(configValueProblem(age, 50.5)).toEqual({ kind: 'range', min: 0, max: 130, integer: true });
    expect(configValueProblem(age, '')).toEqual({ kind: 'required' });
  });

  it('takes null only where the value may be empty, and only the codes an enum allows', () => {
    expect(configValueProblem({ kind: 'nullable', inner: age }, null)).toBeNull();
    expect(configValueProblem(age, null)).toEqual({ kind: 'required' });
    const choice: ConfigValueShape = { kind: 'enum', values: ['a', 'b'] };
    expect(configValueProblem(choice, 'b')).toBeNull();
    expect(configValueProblem(choice, 'c')).toEqual({ kind: 'choice' });
  });

  it('checks a list’s length, its items and duplicates', () => {
    const weeks: ConfigValueShape = {
      kind: 'list',
      item: { kind: 'number', min: 1, max: 520, integer: true },
      minLength: 1,
      maxLength: 3,
      unique: true,
    };
    expect(configValueProblem(weeks, [16, 52])).toBeNull();
    expect(configValueProblem(weeks, [])).toEqual({ kind: 'listLength', min: 1, max: 3 });
    expect(configValueProblem(weeks, [16, 16])).toEqual({ kind: 'duplicates' });
    expect(configValueProblem(weeks, [16, 600])).toMatchObject({ kind: 'range', max: 520 });
  });

  it('checks every field of a record', () => {
    const years: ConfigValueShape = {
      kind: 'record',
      keys: ['x', 'y'],
      item: { kind: 'number', min: 1, max: 20, integer: true },
    };
    expect(configValueProblem(years, { x: 5, y: 3 })).toBeNull();
    expect(configValueProblem(years, { x: 5 })).toEqual({ kind: 'required' });
  });

  it('refuses age bands that overlap or run backwards', () => {
    const table = { kind: 'calciumTable' } as const;
    const band = (min: number, max: number | null, mg = 1000) => ({
      minAgeYears: min,
      maxAgeYears: max,
      mgPerDay: mg,
    });
    expect(configValueProblem(table, [band(50, 69), band(70, null, 1200)])).toBeNull();
    expect(configValueProblem(table, [band(50, 70), band(70, null)])).toEqual({ kind: 'ageBands' });
    expect(configValueProblem(table, [band(60, 50)])).toEqual({ kind: 'ageBands' });
    expect(configValueProblem(table, [band(50, null), band(70, null)])).toEqual({ kind: 'ageBands' });
    expect(configValueProblem(table, [])).toEqual({ kind: 'required' });
  });
});

describe('parseNumberList', () => {
  it('reads numbers apart by commas, semicolons or spaces, and a decimal comma', () => {
    expect(parseNumberList('16, 52')).toEqual([16, 52]);
    expect(parseNumberList('16;52 104')).toEqual([16, 52, 104]);
    expect(parseNumberList('2,5')).toEqual([2.5]);
    expect(parseNumberList('16, x')[1]).toBeNaN();
    expect(parseNumberList('')).toEqual([]);
  });
});
