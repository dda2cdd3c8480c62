import { initialsFor, nameWithInitials } from './dutchNames';

export interface PostalAddress {
  readonly street: string;
  readonly houseNumber: string;
  readonly postalCode: string;
  readonly city: string;
}

const DUTCH_POSTCODE = /^(\d{4})\s*([A-Za-z]{2})$/;

/** "1234ab" → "1234 AB" (one space, capitals, as PostNL sorts it); a foreign postcode is left as given. */
export function formatPostalCode(postalCode: string): string {
  const match = DUTCH_POSTCODE.exec(postalCode.trim());
  if (match === null) return postalCode.trim();
  const [, digits = '', letters = ''] = match;
  return `${digits} ${letters.toUpperCase()}`;
}

export function streetLine(address: PostalAddress): string {
  return `${address.street} ${address.houseNumber}`;
}

/** "1234 AB  DEMOSTAD": PostNL asks for two spaces between postcode and town, and the town in capitals. */
export function postcodeTownLine(address: PostalAddress): string {
  return `${formatPostalCode(address.postalCode)}  ${address.city.toUpperCase()}`;
}

/** "1234 AB Demostad": the same address in running text or a letterhead. */
export function postcodeTownText(address: Pick<PostalAddress, 'postalCode' | 'city'>): string {
  return `${formatPostalCode(address.postalCode)} ${address.city}`;
}

export interface AddressedPerson extends PostalAddress {
  readonly familyName: string;
  readonly givenNames: string;
  readonly initials: string;
}

/**
 * The lines in the envelope window: "J.M. de Vries", "Dorpsstraat 12", "1234 AB  DEMOSTAD". No "mevrouw"/"de heer":
 * the address must be right for everyone, whatever their recorded sex.
 */
export function recipientLines(person: AddressedPerson): [string, string, string] {
  return [
    nameWithInitials(initialsFor(person.initials, person.givenNames), person.familyName),
    streetLine(person),
    postcodeTownLine(person),
  ];
}
