/**
 * Page geometry of the invitation letter, in millimetres, converted to PDF points for pdfmake.
 *
 * Window envelope: the letter is A4, folded in three (panels of 99 mm) and sent in a 110 × 220 mm envelope (EA5/6, the
 * Dutch name for DL) with the window on the left: 90 × 45 mm, 20 mm from the left edge and 15 mm from the bottom, as
 * PostNL and most Dutch envelope makers supply. So the window spans 20–110 mm across and 50–95 mm down the envelope.
 * Inside the envelope the folded sheet can slide about 11 mm down (110 − 99) and 5 mm to either side (220 − 210, halved),
 * so the part of the sheet that is always visible is 25–105 mm across and 50–84 mm down. The address block sits in that
 * area: 25 mm from the left, from 50 mm down, at most 80 mm wide, and about 22 mm tall (return address, reference,
 * three address lines). Depending on the slide, the window may also show the sheet from 39 to 95 mm down and from 15 to
 * 115 mm across: the letterhead ends above 39 mm, the date sits right of 115 mm and the running text starts below 95 mm,
 * so nothing but the addresses and the reference can be read from outside.
 * PostNL's addressing rules are followed in the block: a sans-serif font of 10 pt or more, no italics or underlining,
 * the return address on one line at the top, the postcode with one space and two spaces before the town in capitals.
 */
const POINTS_PER_MM = 72 / 25.4;

export const mm = (millimetres: number): number => millimetres * POINTS_PER_MM;

export const PAGE_MARGIN = { left: mm(25), top: mm(20), right: mm(20), bottom: mm(20) } as const;

export const LETTERHEAD = { x: mm(25), y: mm(15), width: mm(95) } as const;

export const SENDER_DETAILS = { x: mm(125), y: mm(15), width: mm(65) } as const;

export const ADDRESS_WINDOW = { x: mm(25), y: mm(50), width: mm(80) } as const;

/** Place and date, beside the window and level with the address; right of 115 mm nothing shows through the window. */
export const PLACE_AND_DATE = { x: mm(125), y: mm(62), width: mm(65) } as const;

/**
 * Nothing of the running text may ever show through the window, because the subject line names the examination.
 * With the sheet at its highest the window reaches 95 mm down the sheet, so the text starts just below that.
 */
export const BODY_TOP = mm(97);

export const FOOTER_TOP_GAP = mm(8);

export const FONT_SIZE = {
  organization: 14,
  department: 11,
  details: 8.5,
  returnAddress: 6.5,
  address: 10,
  body: 10,
  heading: 10.5,
  portalCode: 18,
  footer: 8,
} as const;
