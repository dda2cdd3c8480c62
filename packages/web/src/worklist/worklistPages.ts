/**
 * Paging through a worklist by cursor: the server hands out the cursor of the next page; the screen keeps
 * the cursors of the pages it came through, so that "previous" goes back without the server's help and
 * the page number is how deep the stack is. Another list, filter or order starts again at page 1.
 */
export type PageStack = readonly (string | null)[];

/** The first page: no cursor. */
export const FIRST_PAGE: PageStack = [null];

export function pageNumber(stack: PageStack): number {
  return stack.length;
}

/** The cursor the current page is asked with (null: the first page). */
export function currentCursor(stack: PageStack): string | null {
  return stack.at(-1) ?? null;
}

export function nextPage(stack: PageStack, nextCursor: string | null): PageStack {
  return nextCursor === null ? stack : [...stack, nextCursor];
}

export function previousPage(stack: PageStack): PageStack {
  return stack.length <= 1 ? FIRST_PAGE : stack.slice(0, -1);
}

/** The rows of this page, counted from 1: page 3 of 20 a page shows 41–60. */
export function pageRange(stack: PageStack, pageSize: number, shown: number): { from: number; to: number } {
  const from = shown === 0 ? 0 : (pageNumber(stack) - 1) * pageSize + 1;
  return { from, to: shown === 0 ? 0 : from + shown - 1 };
}
