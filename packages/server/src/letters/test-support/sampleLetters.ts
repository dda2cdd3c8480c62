import type { InvitationLetterInput, LetterOrganization, LetterPatient } from '../invitationLetter';

// Fictional organisation and patients; `.example` domains cannot belong to anyone.
export const demoOrganization: LetterOrganization = {
  name: 'Ziekenhuis Demostad',
  department: 'Osteoporosepolikliniek',
  street: 'Gasthuislaan',
  houseNumber: '10',
  postalCode: '9999 ZZ',
  city: 'Demostad',
  visitingRoute: '',
  postalAddressLine: '',
  postalAddressPostalCode: '',
  postalAddressCity: '',
  phoneGeneral: '(099) 123 45 00',
  phoneDepartment: '(099) 123 45 67',
  phoneHours: [],
  email: 'fractuurpreventie@demostad.example',
  openingHours: 'maandag tot en met vrijdag van 8.30 tot 16.30 uur',
  portalUrl: 'https://portaal.demostad.example',
  signOff: '',
};

/** The same organisation as a profile of today: phone hours per weekday, a PO box, a route and a sign-off. */
export const demoOrganizationWithHours: LetterOrganization = {
  ...demoOrganization,
  visitingRoute: 'Route 25',
  postalAddressLine: 'Postbus 90151',
  postalAddressPostalCode: '9998AB',
  postalAddressCity: 'Demostad',
  phoneHours: [
    { weekday: 'friday', from: '15:30', to: '16:30' },
    { weekday: 'monday', from: '15:30', to: '16:30' },
    { weekday: 'wednesday', from: '15:30', to: '16:30' },
  ],
  openingHours: 'behalve op feestdagen',
  signOff: 'Het team van de osteoporosepolikliniek',
};

export const mrsDeVries: LetterPatient = {
  familyName: 'de Vries',
  givenNames: 'Johanna Maria',
  initials: 'J.M.',
  sex: 'female',
  street: 'Dorpsstraat',
  houseNumber: '12a',
  postalCode: '9999AA',
  city: 'Demostad',
};

export function dutchLetter(overrides: Partial<InvitationLetterInput> = {}): InvitationLetterInput {
  return {
    locale: 'nl',
    letterDate: '2026-11-21',
    organization: demoOrganization,
    patient: mrsDeVries,
    fracture: { date: '2026-10-03' },
    portalCode: 'K7QM-4XPT-2B9C',
    reference: '0012345',
    ...overrides,
  };
}

/** `count` Dutch letters to distinct fictional patients: "Testpersoon 1", "Testpersoon 2", … */
export function numberedLetters(count: number): InvitationLetterInput[] {
  return Array.from({ length: count }, (_, index) =>
    dutchLetter({
      patient: { ...mrsDeVries, familyName: `Testpersoon ${index + 1}`, sex: 'unknown' },
      portalCode: `CODE-${String(index + 1).padStart(4, '0')}`,
      reference: String(100000 + index),
    }),
  );
}

/**
 * Long but realistic details: a double surname with prefixes, a long street name, long opening hours. The letter runs
 * onto a second page, and the address takes five lines in the window.
 */
export function longLetter(): InvitationLetterInput {
  return dutchLetter({
    organization: {
      ...demoOrganization,
      name: 'Samenwerkende Ziekenhuizen Groot-Demostad, locatie Zuid',
      department: 'Osteoporosepolikliniek en Fractuurpreventie',
      street: 'Burgemeester van Walsum de Vries van Buyssingel',
      houseNumber: '1234-B',
      openingHours:
        'maandag tot en met vrijdag van 8.30 tot 12.00 uur en van 13.00 tot 16.30 uur, behalve op feestdagen',
    },
    patient: {
      ...mrsDeVries,
      familyName: 'van Rijckevorsel van Kessel-van den Broek',
      initials: 'J.A.M.C.Th.',
      street: 'Burgemeester Jonkheer Mr. Dr. van Karnebeeklaan',
      houseNumber: '1234 bis',
      city: "'s-Hertogenbosch",
    },
    reference: '1234567890-ABCDEFGH',
  });
}
