// R4.3: values the engine computes itself are rounded like the reports it mirrors, half away from zero,
// before any threshold is applied. (0.558 − 0.858) / 0.120 evaluates to −2.4999999999999996 and must classify
// as −2.5. The tiny nudge absorbs binary representation error of decimal inputs (1.45 × 10 = 14.499999999999998)
// without moving any value that is genuinely below the half-way point by more than 1e-9 of a unit.
const NUDGE = 1e-9;

export function roundHalfAwayFromZero(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  const magnitude = Math.floor(Math.abs(value) * factor + 0.5 + NUDGE) / factor;
  return value < 0 && magnitude !== 0 ? -magnitude : magnitude;
}
