// The vertebral levels and Genant grade a fracture keeps when report findings about it are confirmed: every level
// any confirmed finding named, in spine order, and the highest grade stated.

/** Th1–Th12 then L1–L5, top to bottom; anything else sorts after them, as written. */
function spinePosition(level: string): number {
  const match = /^(Th|L)(\d{1,2})$/u.exec(level);
  if (match === null) return 100;
  const number = Number(match[2]);
  return match[1] === 'Th' ? number : 12 + number;
}

export function mergeVertebralLevels(stored: readonly string[], confirmed: readonly string[]): string[] {
  return [...new Set([...stored, ...confirmed])].sort(
    (a, b) => spinePosition(a) - spinePosition(b) || a.localeCompare(b),
  );
}

export function highestGenantGrade(stored: number | null, confirmed: number | null): number | null {
  if (stored === null) return confirmed;
  if (confirmed === null) return stored;
  return Math.max(stored, confirmed);
}
