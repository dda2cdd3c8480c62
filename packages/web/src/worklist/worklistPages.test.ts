import { describe, expect, it } from 'vitest';
import { currentCursor, FIRST_PAGE, nextPage, pageNumber, pageRange, previousPage } from './worklistPages';

describe('worklist pages', () => {
  it('goes forward with the server’s cursors and back through the ones it kept', () => {
    const two = nextPage(FIRST_PAGE, 'c2');
    const three = nextPage(two, 'c3');
    expect([pageNumber(three), currentCursor(three)]).toEqual([3, 'c3']);
    expect(previousPage(three)).toEqual(two);
    expect(currentCursor(previousPage(two))).toBeNull();
    expect(previousPage(FIRST_PAGE)).toEqual(FIRST_PAGE);
  });

  it('stays on the last page when there is no next cursor', () => {
    const two = nextPage(FIRST_PAGE, 'c2');
    expect(nextPage(two, null)).toBe(two);
  });

  it('numbers the rows of the page shown', () => {
    const three = nextPage(nextPage(FIRST_PAGE, 'a'), 'b');
    expect(pageRange(three, 20, 20)).toEqual({ from: 41, to: 60 });
    expect(pageRange(three, 20, 7)).toEqual({ from: 41, to: 47 });
    expect(pageRange(FIRST_PAGE, 20, 0)).toEqual({ from: 0, to: 0 });
  });
});
