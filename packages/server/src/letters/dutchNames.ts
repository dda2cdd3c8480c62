/**
 * Dutch surname conventions for letters.
 *
 * In the Netherlands a surname prefix (tussenvoegsel) is registered in lower case ("de Vries", "van der Berg") and is
 * written that way when initials or a given name come first: "J. de Vries". When the surname stands on its own, as
 * after "mevrouw" or "heer", the first word of the prefix takes a capital: "mevrouw De Vries", "heer Van der Berg",
 * "mevrouw In 't Veld". The shortened forms 't and d' stay lower case ("heer 't Hart"), and a prefix inside a double
 * surname after the hyphen stays lower case ("mevrouw Van der Sluis-van Dam").
 */

// First words of common Dutch prefixes (van, de, der, den, van der, van den, ter, ten, te, in 't, op de, uit den, …).
// Only the first word matters: "van der" becomes "Van der".
const CAPITALISED_PREFIX_WORDS: ReadonlySet<string> = new Set([
  'van',
  'de',
  'der',
  'den',
  'ter',
  'ten',
  'te',
  'in',
  'op',
  'uit',
  'het',
  'aan',
  'bij',
]);

/**
 * The surname as written without initials or given name in front of it, e.g. after "mevrouw".
 * A name already registered with a capital (Belgian "Van Damme") is left as it is: we only ever capitalise.
 */
export function standaloneSurname(familyName: string): string {
  const name = collapseSpaces(familyName);
  const firstSpace = name.indexOf(' ');
  if (firstSpace <= 0) return name;
  const firstWord = name.slice(0, firstSpace);
  if (!CAPITALISED_PREFIX_WORDS.has(firstWord)) return name;
  return firstWord.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Initials as given ("J.M.", "Th."), trimmed. When none were recorded, they are derived from the given names
 * ("Johanna Maria" → "J.M."). Returns an empty string when neither is known.
 */
export function initialsFor(initials: string, givenNames: string): string {
  const given = collapseSpaces(initials);
  if (given !== '') return given;
  // A hyphenated given name counts as two: "Jan-Willem" → "J.W.".
  return collapseSpaces(givenNames)
    .split(/[\s-]+/)
    .filter((name) => name !== '')
    .map((name) => `${firstLetter(name).toUpperCase()}.`)
    .join('');
}

/** The surname as registered ("de Vries"): the form to use after initials or a given name. */
export function registeredSurname(familyName: string): string {
  return collapseSpaces(familyName);
}

/** "J.M. de Vries": initials, then the surname as registered. */
export function nameWithInitials(initials: string, familyName: string): string {
  return [initials, registeredSurname(familyName)].filter((part) => part !== '').join(' ');
}

function firstLetter(word: string): string {
  // Array.from splits by code point, so a name starting with a letter outside the BMP is not cut in half.
  return Array.from(word)[0] ?? '';
}

function collapseSpaces(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
