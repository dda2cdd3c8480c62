import type { Content, ContentSection, ContentStack, DynamicContent } from 'pdfmake/interfaces';
import type { LetterOrganization, ValidatedLetter } from './invitationLetterInput';
import { formatLongDate } from './letterDate';
import {
  ADDRESS_WINDOW,
  BODY_TOP,
  FONT_SIZE,
  FOOTER_TOP_GAP,
  LETTERHEAD,
  PAGE_MARGIN,
  PLACE_AND_DATE,
  SENDER_DETAILS,
  mm,
} from './letterLayout';
import { letterTranslator, type LetterTranslator } from './letterText';
import { formatPostalCode, postcodeTownText, recipientLines, streetLine } from './postalAddress';
import { phoneAvailability } from './phoneHoursText';
import { salutation } from './salutation';

export const PAGE_MARGINS: [number, number, number, number] = [
  PAGE_MARGIN.left,
  PAGE_MARGIN.top,
  PAGE_MARGIN.right,
  PAGE_MARGIN.bottom,
];

/** One letter as a pdfmake section: it starts on a new page and carries its own footer and page numbers. */
export function invitationLetterSection(letter: ValidatedLetter): ContentSection {
  const text = letterTranslator(letter.locale);
  return {
    section: [
      letterhead(letter),
      senderDetails(letter, text),
      addressWindow(letter, text),
      placeAndDate(letter, text),
      ...body(letter, text),
    ],
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    footer: letterFooter(letter, text),
  };
}

function letterhead({ organization }: ValidatedLetter): Content {
  return placedBlock(LETTERHEAD, {
    stack: [
      { text: organization.name, fontSize: FONT_SIZE.organization, bold: true },
      { text: organization.department, fontSize: FONT_SIZE.department },
    ],
  });
}

function senderDetails({ organization }: ValidatedLetter, text: LetterTranslator): Content {
  const postal = postalAddressOf(organization);
  // With a postal address of its own, each address says which it is; otherwise the one address needs no label.
  const visiting: Content[] = [
    ...(postal === undefined ? [] : [{ text: text.t('letterhead.visitingAddress'), bold: true }]),
    streetLine(organization),
    postcodeTownText(organization),
    ...(organization.visitingRoute === '' ? [] : [organization.visitingRoute]),
  ];
  const postalLines: Content[] =
    postal === undefined
      ? []
      : [
          { text: text.t('letterhead.postalAddress'), bold: true, margin: [0, 4, 0, 0] },
          postal.line,
          postcodeTownText(postal),
        ];
  return placedBlock(SENDER_DETAILS, {
    fontSize: FONT_SIZE.details,
    lineHeight: 1.15,
    stack: [
      ...visiting,
      ...postalLines,
      {
        text: text.t('letterhead.phoneDepartment', { phone: organization.phoneDepartment }),
        margin: [0, 4, 0, 0],
      },
      text.t('letterhead.phoneGeneral', { phone: organization.phoneGeneral }),
      text.t('letterhead.email', { email: organization.email }),
    ],
  });
}

/** The postal address when the profile has one apart from the visiting address (validation made it whole). */
function postalAddressOf(
  organization: LetterOrganization,
): { line: string; postalCode: string; city: string } | undefined {
  if (organization.postalAddressLine === '') return undefined;
  return {
    line: organization.postalAddressLine,
    postalCode: organization.postalAddressPostalCode,
    city: organization.postalAddressCity,
  };
}

function addressWindow(letter: ValidatedLetter, text: LetterTranslator): Content {
  const { organization } = letter;
  // Post goes back to the postal address when there is one (a PO box), else to the visiting address.
  const postal = postalAddressOf(organization);
  const returnAddress =
    postal === undefined
      ? text.t('window.returnAddress', {
          organization: organization.name,
          street: organization.street,
          houseNumber: organization.houseNumber,
          postalCode: formatPostalCode(organization.postalCode),
          city: organization.city,
        })
      : text.t('window.returnAddressPostal', {
          organization: organization.name,
          line: postal.line,
          postalCode: formatPostalCode(postal.postalCode),
          city: postal.city,
        });
  const small: Content[] = [{ text: returnAddress }];
  if (letter.reference !== undefined) {
    small.push({ text: text.t('window.reference', { reference: letter.reference }) });
  }
  return placedBlock(ADDRESS_WINDOW, {
    stack: [
      { stack: small, fontSize: FONT_SIZE.returnAddress, margin: [0, 0, 0, mm(1.5)] },
      { stack: recipientLines(letter.patient), fontSize: FONT_SIZE.address, lineHeight: 1.1 },
    ],
  });
}

/**
 * A block at a fixed place on the page, outside the flow of the running text. pdfmake lets an absolutely placed node
 * run to the right margin, so a single fixed-width column keeps it inside its box.
 */
function placedBlock(box: { x: number; y: number; width: number }, content: ContentStack): Content {
  return { absolutePosition: { x: box.x, y: box.y }, columns: [{ ...content, width: box.width }] };
}

function placeAndDate(letter: ValidatedLetter, text: LetterTranslator): Content {
  return placedBlock(PLACE_AND_DATE, {
    stack: [
      text.t('date.placeAndDate', {
        place: letter.organization.city,
        date: formatLongDate(letter.parsedLetterDate, text),
      }),
    ],
  });
}

function body(letter: ValidatedLetter, text: LetterTranslator): Content[] {
  const { organization } = letter;
  const fracture =
    letter.parsedFractureDate === undefined
      ? text.t('reason.fractureRecently')
      : text.t('reason.fractureOnDate', { date: formatLongDate(letter.parsedFractureDate, text) });
  return [
    {
      text: letter.reminder === undefined ? text.t('subject') : text.t('reminder.subject'),
      bold: true,
      // The placed blocks above do not push the running text down; this margin makes it clear the window.
      margin: [0, BODY_TOP - PAGE_MARGIN.top, 0, mm(4)],
    },
    paragraph(salutation(letter.patient, text)),
    ...reminderOpening(letter, text),
    paragraph(`${fracture} ${text.t('reason.sign')}`),
    paragraph(letter.reminder === undefined ? text.t('reason.offer') : text.t('reminder.offer')),
    heading(text.t('examination.heading')),
    paragraph(text.t('examination.intro'), 2),
    {
      ol: [
        text.t('examination.scan'),
        text.t('examination.blood'),
        text.t('examination.questions'),
        text.t('examination.consult'),
      ],
      margin: [0, 0, 0, 5],
    },
    heading(text.t('respond.heading')),
    paragraph(
      text.t('respond.byPhone', {
        phone: organization.phoneDepartment,
        openingHours: phoneAvailability(organization, text),
      }),
    ),
    paragraph(text.t('respond.byPortal', { portalUrl: organization.portalUrl }), 4),
    portalCodeBox(letter.portalCode, text),
    paragraph(text.t('respond.codePersonal')),
    heading(text.t('voluntary.heading')),
    paragraph(text.t('voluntary.text')),
    paragraph(text.t('closing.questions')),
    {
      stack: [
        { text: text.t('closing.regards'), margin: [0, 0, 0, mm(4)] },
        // Signed by whom the profile names ("Het team van de osteoporosepolikliniek"); without one, the department.
        { text: organization.signOff === '' ? organization.department : organization.signOff, bold: true },
        organization.name,
      ],
      unbreakable: true,
    },
  ];
}

/** A reminder opens with the letter before it and asks for an answer; an invitation has no such opening. */
function reminderOpening(letter: ValidatedLetter, text: LetterTranslator): Content[] {
  if (letter.reminder === undefined) return [];
  const wrote =
    letter.parsedInvitedOn === undefined
      ? text.t('reminder.wroteBefore')
      : text.t('reminder.wroteOn', { date: formatLongDate(letter.parsedInvitedOn, text) });
  return [paragraph(`${wrote} ${text.t('reminder.notHeard')}`), paragraph(text.t('reminder.pleaseReply'))];
}

/**
 * The code the patient types into the portal: large, in a box, and spaced out so that similar characters are easy to
 * tell apart. The bundled font has no monospace face; spacing the medium weight gets close without loading a font from
 * disk (pdfkit's built-in Courier would).
 */
function portalCodeBox(portalCode: string, text: LetterTranslator): Content {
  return {
    table: {
      widths: ['auto'],
      body: [
        [
          {
            stack: [
              { text: text.t('respond.codeLabel'), fontSize: 9 },
              { text: portalCode, fontSize: FONT_SIZE.portalCode, bold: true, characterSpacing: 1.5 },
            ],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 1.2,
      vLineWidth: () => 1.2,
      paddingLeft: () => mm(4),
      paddingRight: () => mm(4),
      paddingTop: () => mm(2),
      paddingBottom: () => mm(2),
    },
    unbreakable: true,
    margin: [mm(5), 0, 0, 5],
  };
}

function paragraph(content: string, spaceAfter = 5): Content {
  return { text: content, margin: [0, 0, 0, spaceAfter] };
}

function heading(content: string): Content {
  return { text: content, bold: true, fontSize: FONT_SIZE.heading, margin: [0, 4, 0, 3] };
}

/**
 * Footer with the general phone number and the page number within this letter (not within the batch). pdfmake calls
 * a section's footer once per page, in page order, after layout; the first call therefore comes from the letter's
 * first page. The function belongs to one letter of one document, so that remembered page is never shared.
 */
function letterFooter(letter: ValidatedLetter, text: LetterTranslator): DynamicContent {
  let firstPage: number | undefined;
  const phone = text.t('footer.phone', {
    organization: letter.organization.name,
    phone: letter.organization.phoneGeneral,
  });
  const reference =
    letter.reference === undefined ? [] : [text.t('footer.reference', { reference: letter.reference })];
  return (currentPage) => {
    firstPage ??= currentPage;
    const page = text.t('footer.page', { page: String(currentPage - firstPage + 1) });
    return {
      margin: [PAGE_MARGIN.left, FOOTER_TOP_GAP, PAGE_MARGIN.right, 0],
      fontSize: FONT_SIZE.footer,
      columns: [
        { text: phone, width: '*' },
        { text: [...reference, page].join(' · '), width: 'auto', alignment: 'right' },
      ],
    };
  };
}
