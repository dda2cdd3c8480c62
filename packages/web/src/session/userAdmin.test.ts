import { describe, expect, it } from 'vitest';
import { ROLES } from '@osteopad/contract';
import { canManageUsers } from './permissions';

describe('the user administration', () => {
  it('is for administrators only, as the server’s user routes are', () => {
    expect(ROLES.filter(canManageUsers)).toEqual(['admin']);
  });
});
