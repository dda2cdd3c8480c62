import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: the code is typed from a paper letter.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A personal portal code as printed on the invitation letter, e.g. `K7QM-3XPD-9RTW`. */
export function newPortalCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += ALPHABET.charAt(randomInt(ALPHABET.length));
    groups.push(group);
  }
  return groups.join('-');
}
