/**
 * The page of a consult letter: the invitation letter's geometry (letterLayout.ts: letterhead, sender
 * details, the window-envelope address, place and date, running text from 97 mm) with one letter per
 * PDF, and the building blocks both consult letters share. Deterministic: the PDF's creation date is
 * the letter's date at midnight UTC, so the same input gives the same bytes.
 */
import type { Content, ContentStack, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LetterLocale } from '@osteopad/contract';
import type { LetterOrganization } from '../invitationLetterInput';
import { formatLongDate, toUtcInstant, type CalendarDate } from '../letterDate';
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
} from '../letterLayout';
import type { LetterTranslator } from '../letterText';
import { LETTER_FONT } from '../pdfRenderer';
import { formatPostalCode, postcodeTownText, streetLine } from '../postalAddress';

const PAGE_MARGINS: [number, number, number, number] = [
  PAGE_MARGIN.left,
  PAGE_MARGIN.top,
  PAGE_MARGIN.right,
  PAGE_MARGIN.bottom,
];

const LANGUAGE_TAGS: Readonly<Record<LetterLocale, string>> = { nl: 'nl-NL', en: 'en-GB' };

export interface LetterFrame {
  text: LetterTranslator;
  organization: LetterOrganization;
  date: CalendarDate;
  title: string;
  subject: string;
  /** The lines in the envelope window. */
  recipient: readonly string[];
  body: Content[];
}

/** One letter as a pdfmake document: letterhead, window, date, the body from 97 mm, footer with page numbers. */
export function letterDocument(frame: LetterFrame): TDocumentDefinitions {
  const { text, organization } = frame;
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    version: '1.7',
    language: LANGUAGE_TAGS[text.locale],
    displayTitle: true,
    // As the invitation letter (invitationLetter.ts): pdfmake 0.3 writes no structure tree, so no "tagged" claim.
    tagged: false,
    info: {
      title: frame.title,
      subject: frame.subject,
      // Metadata shows in every viewer and file list: the organisation only, never the patient.
      author: organization.name,
      creator: 'Osteopad',
      creationDate: toUtcInstant(frame.date),
    },
    defaultStyle: { font: LETTER_FONT, fontSize: FONT_SIZE.body, lineHeight: 1.15 },
    content: [
      placedBlock(LETTERHEAD, {
        stack: [
          { text: organization.name, fontSize: FONT_SIZE.organization, bold: true },
          { text: organization.department, fontSize: FONT_SIZE.department },
        ],
      }),
      placedBlock(SENDER_DETAILS, {
        fontSize: FONT_SIZE.details,
        lineHeight: 1.15,
        stack: [
          streetLine(organization),
          postcodeTownText(organization),
          {
            text: text.t('letterhead.phoneDepartment', { phone: organization.phoneDepartment }),
            margin: [0, 4, 0, 0],
          },
          text.t('letterhead.phoneGeneral', { phone: organization.phoneGeneral }),
          text.t('letterhead.email', { email: organization.email }),
        ],
      }),
      placedBlock(ADDRESS_WINDOW, {
        stack: [
          {
            text: text.t('window.returnAddress', {
              organization: organization.name,
              street: organization.street,
              houseNumber: organization.houseNumber,
              postalCode: formatPostalCode(organization.postalCode),
              city: organization.city,
            }),
            fontSize: FONT_SIZE.returnAddress,
            margin: [0, 0, 0, mm(1.5)],
          },
          { stack: [...frame.recipient], fontSize: FONT_SIZE.address, lineHeight: 1.1 },
        ],
      }),
      placedBlock(PLACE_AND_DATE, {
        stack: [
          text.t('date.placeAndDate', { place: organization.city, date: formatLongDate(frame.date, text) }),
        ],
      }),
      // The placed blocks do not push the running text down; this empty block makes it clear the window.
      { text: '', margin: [0, BODY_TOP - PAGE_MARGIN.top, 0, 0] },
      ...frame.body,
    ],
    footer: (currentPage) => ({
      margin: [PAGE_MARGIN.left, FOOTER_TOP_GAP, PAGE_MARGIN.right, 0],
      fontSize: FONT_SIZE.footer,
      columns: [
        {
          text: text.t('footer.phone', { organization: organization.name, phone: organization.phoneGeneral }),
          width: '*',
        },
        { text: text.t('footer.page', { page: String(currentPage) }), width: 'auto', alignment: 'right' },
      ],
    }),
  };
}

function placedBlock(box: { x: number; y: number; width: number }, content: ContentStack): Content {
  return { absolutePosition: { x: box.x, y: box.y }, columns: [{ ...content, width: box.width }] };
}

export function paragraph(content: string, spaceAfter = 5): Content {
  return { text: content, margin: [0, 0, 0, spaceAfter] };
}

export function strongParagraph(content: string, spaceAfter = 5): Content {
  return { text: content, bold: true, margin: [0, 0, 0, spaceAfter] };
}

export function heading(content: string): Content {
  return {
    text: content,
    bold: true,
    fontSize: FONT_SIZE.heading,
    margin: [0, 5, 0, 3],
    keepWithNext: true,
  } as Content;
}

export function bullets(items: readonly string[]): Content[] {
  return items.length === 0 ? [] : [{ ul: [...items], margin: [0, 0, 0, 5] }];
}

/** A plain table with a bold header row and thin rules, kept on one page when it fits. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly (string | number)[],
  /** Columns whose cells never wrap (dates, short labels): the first column takes what is left. */
  noWrapFrom = widths.length,
): Content {
  return {
    table: {
      headerRows: 1,
      widths: [...widths],
      body: [
        header.map((cell) => ({ text: cell, bold: true })),
        ...rows.map((row) => row.map((cell, column) => ({ text: cell, noWrap: column >= noWrapFrom }))),
      ],
    },
    layout: {
      hLineWidth: (index) => (index <= 1 ? 0.8 : 0.3),
      vLineWidth: () => 0,
      paddingLeft: () => mm(1),
      paddingRight: () => mm(1),
      paddingTop: () => mm(0.8),
      paddingBottom: () => mm(0.8),
    },
    margin: [0, 0, 0, 6],
  };
}

export function signature(regards: string, lines: readonly string[]): Content {
  return {
    stack: [
      { text: regards, margin: [0, 4, 0, mm(4)] },
      ...lines.map((line, index): Content => (index === 0 ? { text: line, bold: true } : { text: line })),
    ],
    unbreakable: true,
  };
}

/** A decimal number as the letter's language writes it: "-2,7" in Dutch, "-2.7" in English. */
export function formatNumber(value: number, decimals: number | null, locale: LetterLocale): string {
  const written = decimals === null ? String(value) : value.toFixed(decimals);
  return locale === 'nl' ? written.replace('.', ',') : written;
}
