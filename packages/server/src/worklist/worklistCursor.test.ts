import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors';
import { decodeCursor, encodeCursor, type CursorPosition } from './worklistCursor';

const id = '0190a4b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b';
const patientId = '0190a4b2-7c3d-7e4f-8a5b-6c7d8e9f0a1c';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('worklist cursor', () => {
  const positions: CursorPosition[] = [
    { sort: 'fractureDate', itemId: id, key: '2025-03-01' },
    { sort: 'dueDate', itemId: id, key: '2026-01-15' },
    { sort: 'age', itemId: id, key: 83 },
    { sort: 'site', itemId: id, key: '' },
    { sort: 'name', itemId: id, patientId },
  ];
  for (const position of positions) {
    it(`round-trips a ${position.sort} position`, () => {
      const scope = { view: 'identified', sort: position.sort, order: 'desc' as const };
      expect(decodeCursor(encodeCursor(scope, position), scope)).toEqual(position);
    });
  }

  it('never carries a name: the name order names the patient by id', () => {
    const cursor = encodeCursor(
      { view: 'to_invite', sort: 'name', order: 'asc' },
      positions[4] as CursorPosition,
    );
    expect(Buffer.from(cursor, 'base64url').toString()).toBe(
      JSON.stringify({ v: 1, view: 'to_invite', order: 'asc', id, sort: 'name', patient: patientId }),
    );
  });

  it('refuses a cursor of another view, sort or order, and any other text, naming the field', () => {
    const scope = { view: 'to_invite', sort: 'fractureDate' as const, order: 'asc' as const };
    const cursor = encodeCursor(scope, positions[0] as CursorPosition);
    const forged = (body: unknown) => Buffer.from(JSON.stringify(body)).toString('base64url');
    for (const [text, s] of [
      [cursor, { ...scope, view: 'excluded' }],
      [cursor, { ...scope, order: 'desc' as const }],
      [cursor, { ...scope, sort: 'dueDate' as const }],
      ['%%%', scope],
      [Buffer.from('{"v":1').toString('base64url'), scope],
      [forged({ v: 2, view: 'to_invite', order: 'asc', id, sort: 'fractureDate', key: '2025-03-01' }), scope],
      [
        forged({ v: 1, view: 'to_invite', order: 'asc', id: 'x', sort: 'fractureDate', key: '2025-03-01' }),
        scope,
      ],
      [forged({ v: 1, view: 'to_invite', order: 'asc', id, sort: 'fractureDate', key: '2025-13-01' }), scope],
      ['A'.repeat(401), scope],
    ] as const) {
      const error = refusal(() => decodeCursor(text, s));
      expect(error.kind).toBe('invalid');
      expect(error.issues).toEqual([
        expect.objectContaining({ field: 'querystring.cursor', code: 'invalid_cursor' }),
      ]);
    }
  });
});
