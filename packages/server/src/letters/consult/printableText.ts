/**
 * Which characters the letters' fonts can print. A character the bundled Roboto has no glyph for (a
 * Chinese name, an emoji in a practice name) would come out of pdfkit as an empty box: the letter would
 * look right to the program and be wrong on paper. The consult letters refuse such text at their
 * boundary, naming the field, instead of printing it (text/storableText.ts already keeps control and
 * invisible characters out of storage; this is the second, font-specific half of the check).
 *
 * fontkit is the font engine pdfkit (under pdfmake) itself renders with, so "has a glyph" here is
 * exactly what the renderer will find; it is read through `createRequire` like pdfmake's internals in
 * pdfRenderer.ts. Both faces a letter prints people's data in (regular, and medium for bold) are checked.
 */
import { createRequire } from 'node:module';
import { bundledFonts, FONT_FILES } from '../pdfRenderer';

interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

interface Fontkit {
  create(buffer: Buffer): GlyphCoverage;
}

const require = createRequire(import.meta.url);

let faces: readonly GlyphCoverage[] | undefined;

function printingFaces(): readonly GlyphCoverage[] {
  if (faces !== undefined) return faces;
  const fontkit = require('fontkit') as Fontkit;
  const fonts = bundledFonts();
  faces = [FONT_FILES.normal, FONT_FILES.bold].map((name) => {
    const file = fonts.get(name);
    if (file === undefined) throw new Error(`The bundled fonts lack ${name}`);
    return fontkit.create(file);
  });
  return faces;
}

/** Why the letters' fonts cannot print `value` ("contains U+4E2D at position 3 …"), or undefined. */
export function unprintableTextReason(value: string): string | undefined {
  let position = 0;
  for (const character of value) {
    position += 1;
    const codePoint = character.codePointAt(0) ?? 0;
    // Spaces are laid out, not drawn: pdfkit needs no glyph for them.
    if (character === ' ') continue;
    if (!printingFaces().every((face) => face.hasGlyphForCodePoint(codePoint))) {
      const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
      return `contains U+${hex} at position ${position}, a character the letter's font cannot print`;
    }
  }
  return undefined;
}
