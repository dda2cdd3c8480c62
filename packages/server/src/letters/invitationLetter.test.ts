import { describe, expect, it } from 'vitest';
import { renderInvitationLetters, type InvitationLetterInput } from './invitationLetter';
import {
  demoOrganization,
  demoOrganizationWithHours,
  dutchLetter,
  longLetter,
  mrsDeVries,
  numberedLetters,
} from './test-support/sampleLetters';
import { pdfInfo, pdfPages, pdfTextInBox, pdfXmpMetadata, squashSpaces } from './test-support/pdfTools';

async function singlePageText(letter: InvitationLetterInput): Promise<string> {
  const pages = await pdfPages(await renderInvitationLetters([letter]));
  expect(pages).toHaveLength(1);
  return squashSpaces(pages[0] ?? '');
}

const englishLetter = dutchLetter({
  locale: 'en',
  organization: { ...demoOrganization, openingHours: 'Monday to Friday, 8.30 am to 4.30 pm' },
  patient: { ...mrsDeVries, familyName: 'Jansen', givenNames: 'Pieter', initials: 'P.', sex: 'male' },
});

describe('renderInvitationLetters: a Dutch letter', () => {
  it('has the letterhead, the window address, the date, the salutation and the way to respond', async () => {
    const text = await singlePageText(dutchLetter());
    for (const expected of [
      'Ziekenhuis Demostad',
      'Osteoporosepolikliniek',
      'Gasthuislaan 10',
      '9999 ZZ Demostad',
      '(099) 123 45 00',
      '(099) 123 45 67',
      'fractuurpreventie@demostad.example',
      'J.M. de Vries',
      'Dorpsstraat 12a',
      '9999 AA DEMOSTAD',
      'Demostad, 21 november 2026',
      'Geachte mevrouw De Vries,',
      'Op 3 oktober 2026 heeft u een bot gebroken.',
      'DXA',
      'VFA',
      'Bloedonderzoek',
      'maandag tot en met vrijdag van 8.30 tot 16.30 uur',
      'https://portaal.demostad.example',
      'K7QM-4XPT-2B9C',
      'Deze code is alleen voor u.',
      'Meedoen is vrijwillig',
      'Met vriendelijke groet,',
      'Kenmerk: 0012345',
      'Pagina 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('says "recently" when the fracture date is not known', async () => {
    const { fracture: _omitted, ...withoutFracture } = dutchLetter();
    const text = await singlePageText(withoutFracture);
    expect(text).toContain('U heeft kort geleden een bot gebroken.');
    expect(text).not.toContain('oktober');
  });

  it('prints no reference line when there is no reference', async () => {
    const { reference: _omitted, ...withoutReference } = dutchLetter();
    const text = await singlePageText(withoutReference);
    expect(text).not.toContain('Kenmerk');
    expect(text).toContain('Pagina 1');
  });

  it('addresses a patient of unknown sex by initials, without "mevrouw" or "heer"', async () => {
    const text = await singlePageText(dutchLetter({ patient: { ...mrsDeVries, sex: 'unknown' } }));
    expect(text).toContain('Geachte J.M. de Vries,');
    expect(text).not.toMatch(/mevrouw|heer/);
  });
});

describe('renderInvitationLetters: the profile of the organisation profile screen', () => {
  const letter = dutchLetter({ organization: demoOrganizationWithHours });

  it('prints the phone hours per weekday, the route and the sign-off, still on one page', async () => {
    const text = await singlePageText({
      ...letter,
      organization: { ...demoOrganizationWithHours, openingHours: '' },
    });
    expect(text).toContain(
      'Bel ons op (099) 123 45 67 (maandag, woensdag en vrijdag van 15.30 tot 16.30 uur).',
    );
    expect(text).toContain('Route 25');
    expect(text).toMatch(
      /Met vriendelijke groet, Het team van de osteoporosepolikliniek Ziekenhuis Demostad/,
    );
  });

  it('prints the note on the hours beside them', async () => {
    const text = squashSpaces((await pdfPages(await renderInvitationLetters([letter]))).join(' '));
    expect(text).toContain(
      'Bel ons op (099) 123 45 67 (maandag, woensdag en vrijdag van 15.30 tot 16.30 uur; behalve op feestdagen).',
    );
  });

  it('prints both addresses, each named, and sends post back to the postal address', async () => {
    const text = squashSpaces((await pdfPages(await renderInvitationLetters([letter]))).join(' '));
    expect(text).toContain('Bezoekadres');
    expect(text).toContain('Postadres');
    expect(text).toContain('Postbus 90151');
    expect(text).toContain('9998 AB Demostad');
    // The window shows the return address: the PO box, not the street.
    const window = squashSpaces(
      await pdfTextInBox(await renderInvitationLetters([letter]), 1, {
        left: 25,
        top: 50,
        width: 80,
        height: 34,
      }),
    );
    expect(window).toContain('Retour: Ziekenhuis Demostad, Postbus 90151, 9998 AB Demostad');
    expect(window).not.toContain('Gasthuislaan');
  });

  it('words the hours in English in an English letter', async () => {
    const text = await singlePageText({
      ...letter,
      locale: 'en',
      organization: { ...demoOrganizationWithHours, openingHours: '' },
    });
    expect(text).toContain('(Monday, Wednesday and Friday from 15:30 to 16:30)');
  });

  it('refuses a profile that says nothing about when to call, or half a postal address, naming the field', async () => {
    await expect(
      renderInvitationLetters([dutchLetter({ organization: { ...demoOrganization, openingHours: '' } })]),
    ).rejects.toMatchObject({ field: 'letters[0].organization.phoneHours' });
    await expect(
      renderInvitationLetters([
        dutchLetter({ organization: { ...demoOrganizationWithHours, postalAddressCity: '' } }),
      ]),
    ).rejects.toMatchObject({ field: 'letters[0].organization.postalAddressLine' });
    await expect(
      renderInvitationLetters([
        dutchLetter({
          organization: {
            ...demoOrganizationWithHours,
            phoneHours: [{ weekday: 'monday', from: '16:30', to: '15:30' }],
          },
        }),
      ]),
    ).rejects.toMatchObject({ field: 'letters[0].organization.phoneHours.0.to' });
  });
});

describe('renderInvitationLetters: a reminder', () => {
  async function allText(letters: InvitationLetterInput[]): Promise<string> {
    return squashSpaces((await pdfPages(await renderInvitationLetters(letters))).join(' '));
  }

  it('says when we wrote before and asks for an answer, then invites again with the same code box', async () => {
    const text = await allText([dutchLetter({ reminder: { invitedOn: '2026-10-24' } })]);
    for (const expected of [
      'Onderwerp: herinnering aan onze uitnodiging voor onderzoek naar botontkalking',
      'Geachte mevrouw De Vries,',
      'Op 24 oktober 2026 hebben wij u een brief gestuurd.',
      'Wij hebben nog niets van u gehoord.',
      'Wilt u ons laten weten of u wilt komen?',
      'Wij nodigen u daarom nog een keer uit voor het onderzoek.',
      'Op 3 oktober 2026 heeft u een bot gebroken.',
      'K7QM-4XPT-2B9C',
      'Meedoen is vrijwillig',
    ]) {
      expect(text).toContain(expected);
    }
    // Not the invitation's own subject and offer.
    expect(text).not.toContain('Onderwerp: uitnodiging voor onderzoek');
    expect(text).not.toContain('Daarom nodigen wij u uit voor een onderzoek.');
  });

  it('says "earlier" when the invitation’s date is not known, and has the same parts in English', async () => {
    expect(await allText([dutchLetter({ reminder: {} })])).toContain(
      'Wij hebben u eerder een brief gestuurd.',
    );
    const english = await allText([{ ...englishLetter, reminder: { invitedOn: '2026-10-24' } }]);
    expect(english).toContain('On 24 October 2026 we sent you a letter inviting you to an assessment.');
    expect(english).toContain('We have not heard from you yet.');
  });

  it('is titled a reminder when every letter in the PDF is one', async () => {
    const reminder = dutchLetter({ reminder: { invitedOn: '2026-10-24' } });
    const onlyReminders = await pdfInfo(await renderInvitationLetters([reminder, reminder]));
    expect(onlyReminders.get('Title')).toBe('Herinnering: uitnodiging osteoporose-onderzoek');
    const mixed = await pdfInfo(await renderInvitationLetters([reminder, dutchLetter()]));
    expect(mixed.get('Title')).toBe('Uitnodiging osteoporose-onderzoek');
  });

  it('refuses an invitation date after the letter date, naming the field', async () => {
    await expect(
      renderInvitationLetters([dutchLetter({ reminder: { invitedOn: '2026-11-22' } })]),
    ).rejects.toMatchObject({ field: 'letters[0].reminder.invitedOn' });
  });
});

describe('renderInvitationLetters: an English letter', () => {
  it('has the same parts in English', async () => {
    const text = await singlePageText(englishLetter);
    for (const expected of [
      'Ziekenhuis Demostad',
      'Osteoporosepolikliniek',
      'Gasthuislaan 10',
      'Main phone: (099) 123 45 00',
      'Department phone: (099) 123 45 67',
      'P. Jansen',
      'Dorpsstraat 12a',
      '9999 AA DEMOSTAD',
      'Demostad, 21 November 2026',
      'Dear Mr Jansen,',
      'On 3 October 2026 you broke a bone.',
      'Monday to Friday, 8.30 am to 4.30 pm',
      'https://portaal.demostad.example',
      'K7QM-4XPT-2B9C',
      'Taking part is voluntary',
      'Kind regards,',
      'Page 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Geachte');
  });
});

describe('the envelope window', () => {
  // Always visible through a 90 × 45 mm left window of an EA5/6 envelope, however the folded sheet slides.
  const alwaysVisible = { left: 25, top: 50, width: 80, height: 34 };
  // Everything that might be visible in some position of the sheet.
  const possiblyVisible = { left: 15, top: 39, width: 100, height: 56 };

  it('shows the whole recipient address', async () => {
    const pdf = await renderInvitationLetters([dutchLetter()]);
    const visible = squashSpaces(await pdfTextInBox(pdf, 1, alwaysVisible));
    expect(visible).toContain('J.M. de Vries');
    expect(visible).toContain('Dorpsstraat 12a');
    expect(visible).toContain('9999 AA DEMOSTAD');
    expect(visible).toContain('Retour: Ziekenhuis Demostad');
  });

  it('keeps the running text out of sight when long details fill the window', async () => {
    const pdf = await renderInvitationLetters([longLetter()]);
    const visible = squashSpaces(await pdfTextInBox(pdf, 1, possiblyVisible));
    expect(visible).toContain('J.A.M.C.Th. van Rijckevorsel van Kessel-van den Broek');
    expect(visible).toContain("9999 AA 'S-HERTOGENBOSCH");
    expect(visible).not.toMatch(/Onderwerp|botontkalking|Geachte|Demostad, 21/);
  });

  it('shows nothing of the letter itself', async () => {
    const pdf = await renderInvitationLetters([dutchLetter()]);
    const visible = squashSpaces(await pdfTextInBox(pdf, 1, possiblyVisible));
    expect(visible).toBe(
      'Retour: Ziekenhuis Demostad, Gasthuislaan 10, 9999 ZZ Demostad Kenmerk: 0012345 ' +
        'J.M. de Vries Dorpsstraat 12a 9999 AA DEMOSTAD',
    );
  });
});

describe('batches', () => {
  it('starts every letter on its own page, numbered within the letter', async () => {
    const letters = numberedLetters(3);
    const pdf = await renderInvitationLetters(letters);
    expect((await pdfInfo(pdf)).get('Pages')).toBe('3');
    const pages = (await pdfPages(pdf)).map(squashSpaces);
    expect(pages).toHaveLength(3);
    pages.forEach((page, index) => {
      const own = `Testpersoon ${index + 1}`;
      expect(page).toContain(`Geachte J.M. ${own},`);
      expect(page).toContain(`CODE-000${index + 1}`);
      expect(page).toContain('Pagina 1');
      for (const other of [1, 2, 3].filter((number) => number !== index + 1)) {
        expect(page).not.toContain(`Testpersoon ${other}`);
      }
    });
  });

  it('numbers the pages of a longer letter within that letter', async () => {
    const pdf = await renderInvitationLetters([longLetter(), dutchLetter()]);
    const pages = (await pdfPages(pdf)).map(squashSpaces);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Kenmerk 1234567890-ABCDEFGH · Pagina 1');
    expect(pages[1]).toContain('Kenmerk 1234567890-ABCDEFGH · Pagina 2');
    expect(pages[1]).toContain('Met vriendelijke groet,');
    expect(pages[2]).toContain('Kenmerk 0012345 · Pagina 1');
    expect(pages[2]).toContain('Geachte mevrouw De Vries,');
  });

  it('can mix languages, each letter in its own', async () => {
    const pages = (await pdfPages(await renderInvitationLetters([dutchLetter(), englishLetter]))).map(
      squashSpaces,
    );
    expect(pages[0]).toContain('Geachte mevrouw De Vries,');
    expect(pages[1]).toContain('Dear Mr Jansen,');
  });

  it('renders 500 letters as 500 pages', { timeout: 120_000 }, async () => {
    const pdf = await renderInvitationLetters(numberedLetters(500));
    expect((await pdfInfo(pdf)).get('Pages')).toBe('500');
    const pages = await pdfPages(pdf);
    expect(squashSpaces(pages[499] ?? '')).toContain('Geachte J.M. Testpersoon 500,');
  });
});

describe('PDF metadata', () => {
  it('describes the document and its sender, dated by the letter date', async () => {
    const info = await pdfInfo(await renderInvitationLetters([dutchLetter()]));
    expect(info.get('Title')).toBe('Uitnodiging osteoporose-onderzoek');
    expect(info.get('Subject')).toBe(
      'Uitnodiging voor onderzoek naar botontkalking (osteoporose) na een botbreuk',
    );
    expect(info.get('Author')).toBe('Ziekenhuis Demostad');
    expect(info.get('Creator')).toBe('Osteopad');
    expect(info.get('CreationDate')).toBe('2026-11-21T00:00:00Z');
    expect(info.get('Page size')).toContain('(A4)');
  });

  it('declares the document language and asks viewers to show the title rather than the file name', async () => {
    const raw = (await renderInvitationLetters([dutchLetter()])).toString('latin1');
    expect(raw).toContain('/Lang (nl-NL)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect((await renderInvitationLetters([englishLetter])).toString('latin1')).toContain('/Lang (en-GB)');
  });

  it('follows the document locale, by default the first letter’s', async () => {
    const englishFirst = await pdfInfo(await renderInvitationLetters([englishLetter, dutchLetter()]));
    expect(englishFirst.get('Title')).toBe('Invitation: osteoporosis examination');
    const chosen = await pdfInfo(await renderInvitationLetters([englishLetter], { documentLocale: 'nl' }));
    expect(chosen.get('Title')).toBe('Uitnodiging osteoporose-onderzoek');
  });

  it('never contains the patient’s name', async () => {
    const pdf = await renderInvitationLetters([dutchLetter()]);
    const metadata = [...(await pdfInfo(pdf)).values()].join('\n') + (await pdfXmpMetadata(pdf));
    expect(metadata).toContain('Ziekenhuis Demostad');
    expect(metadata).not.toMatch(/Vries|Johanna/);
    // Metadata is stored uncompressed, so the name must not appear in the raw bytes either.
    expect(pdf.toString('latin1')).not.toMatch(/Vries|Johanna/);
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same input', async () => {
    const first = await renderInvitationLetters(numberedLetters(3));
    const second = await renderInvitationLetters(numberedLetters(3));
    expect(first.equals(second)).toBe(true);
  });

  it('takes the creation date from the newest letter date, not from the clock', async () => {
    const info = await pdfInfo(
      await renderInvitationLetters([
        dutchLetter({ letterDate: '2026-11-20' }),
        dutchLetter({ letterDate: '2027-01-04' }),
      ]),
    );
    expect(info.get('CreationDate')).toBe('2027-01-04T00:00:00Z');
  });
});
