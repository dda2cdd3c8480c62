import { describe, expect, it } from 'vitest';
import { initialsFor, nameWithInitials, registeredSurname, standaloneSurname } from './dutchNames';

describe('standaloneSurname: the surname as written after "mevrouw" or "heer"', () => {
  it.each([
    ['de Vries', 'De Vries'],
    ['van Dijk', 'Van Dijk'],
    ['der Kinderen', 'Der Kinderen'],
    ['den Uyl', 'Den Uyl'],
    ['van der Berg', 'Van der Berg'],
    ['van den Broek', 'Van den Broek'],
    ['ter Horst', 'Ter Horst'],
    ['ten Cate', 'Ten Cate'],
    ['te Velde', 'Te Velde'],
    ["in 't Veld", "In 't Veld"],
    ['op de Beek', 'Op de Beek'],
    ['uit den Bogaard', 'Uit den Bogaard'],
  ])('capitalises only the first word of the prefix: %s → %s', (registered, standalone) => {
    expect(standaloneSurname(registered)).toBe(standalone);
  });

  it.each([
    ["'t Hart", "'t Hart"],
    ['\u2019t Hooft', '\u2019t Hooft'],
    ["d'Ancona", "d'Ancona"],
  ])("keeps the shortened forms 't and d' in lower case: %s", (registered, standalone) => {
    expect(standaloneSurname(registered)).toBe(standalone);
  });

  it('leaves a prefix after the hyphen of a double surname in lower case', () => {
    expect(standaloneSurname('van der Sluis-van Dam')).toBe('Van der Sluis-van Dam');
    expect(standaloneSurname('Jansen-de Vries')).toBe('Jansen-de Vries');
  });

  it('leaves names without a prefix, and names registered with a capital, as they are', () => {
    expect(standaloneSurname('Jansen')).toBe('Jansen');
    expect(standaloneSurname('Van Damme')).toBe('Van Damme');
    expect(standaloneSurname('Vanderbilt')).toBe('Vanderbilt');
    expect(standaloneSurname('Devries')).toBe('Devries');
  });

  it('does not capitalise a lone word that happens to be a prefix', () => {
    expect(standaloneSurname('de')).toBe('de');
  });

  it('tidies stray spaces before deciding', () => {
    expect(standaloneSurname('  van   der  Berg ')).toBe('Van der Berg');
  });
});

describe('registeredSurname', () => {
  it('keeps the registered lower-case prefix, only tidying spaces', () => {
    expect(registeredSurname(' de  Vries ')).toBe('de Vries');
  });
});

describe('initialsFor', () => {
  it('uses the recorded initials as given', () => {
    expect(initialsFor(' Th.J. ', 'Thomas Johannes')).toBe('Th.J.');
  });

  it('derives initials from the given names when none were recorded', () => {
    expect(initialsFor('', 'Johanna Maria')).toBe('J.M.');
    expect(initialsFor('', 'jan-willem')).toBe('J.W.');
    expect(initialsFor('', 'Élodie')).toBe('É.');
  });

  it('returns an empty string when neither is known', () => {
    expect(initialsFor(' ', '  ')).toBe('');
  });
});

describe('nameWithInitials', () => {
  it('writes the prefix in lower case after the initials', () => {
    expect(nameWithInitials('J.M.', 'de Vries')).toBe('J.M. de Vries');
  });

  it('prints the surname alone when there are no initials', () => {
    expect(nameWithInitials('', 'de Vries')).toBe('de Vries');
  });
});
