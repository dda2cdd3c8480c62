import type { ConfigLeafShape, ConfigValueShape } from '@osteopad/contract';
import type { ConfigWords } from './configWords';

/** What the screen says for the shared words (Ja, Nee, Geen waarde) and how it writes numbers. */
export interface ValueWording {
  readonly yes: string;
  readonly no: string;
  readonly noValue: string;
  readonly number: (value: number) => string;
  /** "geen bovengrens" / "no upper limit" for an age band that runs on. */
  readonly noUpperAge: string;
  /** "jaar" / "years" after the ages of an age band. */
  readonly years: string;
}

/** A value as JSON; JSON.stringify gives undefined for undefined, functions and symbols. */
function jsonText(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  return text ?? '';
}

function withUnit(text: string, unit: string | null): string {
  return unit === null ? text : `${text} ${unit}`;
}

function leafWords(
  shape: ConfigLeafShape,
  value: unknown,
  words: ConfigWords,
  wording: ValueWording,
): string {
  if (shape.kind === 'number' && typeof value === 'number') return wording.number(value);
  if (shape.kind === 'boolean' && typeof value === 'boolean') return value ? wording.yes : wording.no;
  if (shape.kind === 'enum' && typeof value === 'string') return words.option(value);
  return jsonText(value);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A configuration value in words, one line per part: `24 maanden`; `de laatste dag van die maand`;
 * `16, 52 weken`; a record as `Glas melk: 150 mg` per field; an age band as `50–69 jaar: 1.100 mg per dag`.
 * A value that does not fit its shape (a newer server) is shown as its JSON.
 */
export function configValueWords(
  shape: ConfigValueShape,
  value: unknown,
  words: ConfigWords,
  wording: ValueWording,
): string[] {
  switch (shape.kind) {
    case 'number':
      return [withUnit(leafWords(shape, value, words, wording), words.unit)];
    case 'boolean':
    case 'enum':
      return [leafWords(shape, value, words, wording)];
    case 'nullable':
      return value === null ? [wording.noValue] : configValueWords(shape.inner, value, words, wording);
    case 'list': {
      if (!Array.isArray(value)) break;
      if (value.length === 0) return [wording.noValue];
      const items = value.map((item: unknown) => leafWords(shape.item, item, words, wording)).join(', ');
      return [shape.item.kind === 'number' ? withUnit(items, words.unit) : items];
    }
    case 'record':
      if (!isRecord(value)) break;
      return shape.keys.map((field) => {
        const text = leafWords(shape.item, value[field], words, wording);
        return `${words.field(field)}: ${shape.item.kind === 'number' ? withUnit(text, words.unit) : text}`;
      });
    case 'calciumTable':
      if (!Array.isArray(value)) break;
      return value.map((band: unknown) => {
        if (!isRecord(band)) return jsonText(band);
        const { minAgeYears, maxAgeYears, mgPerDay } = band;
        const ages =
          typeof maxAgeYears === 'number'
            ? `${wording.number(Number(minAgeYears))}–${wording.number(maxAgeYears)} ${wording.years}`
            : `${wording.number(Number(minAgeYears))} ${wording.years} ${wording.noUpperAge}`;
        return `${ages}: ${withUnit(wording.number(Number(mgPerDay)), words.unit)}`;
      });
  }
  return [jsonText(value)];
}
