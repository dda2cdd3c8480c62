import { describe, expect, it } from 'vitest';
import { lastAdminRefused, removesAnAdmin, removesLastAdmin } from './lastAdmin';

const admin = { id: 'a', role: 'admin' as const, active: true };

describe('the last administrator', () => {
  it('counts demotion and deactivation of an active administrator as removing one', () => {
    expect(removesAnAdmin(admin, { role: 'nurse' })).toBe(true);
    expect(removesAnAdmin(admin, { active: false })).toBe(true);
    expect(removesAnAdmin(admin, { role: 'admin', active: true })).toBe(false);
    expect(removesAnAdmin(admin, {})).toBe(false);
    expect(removesAnAdmin({ ...admin, active: false }, { role: 'nurse' })).toBe(false);
    expect(removesAnAdmin({ ...admin, role: 'nurse' }, { active: false })).toBe(false);
  });

  it('refuses only when no other active administrator remains', () => {
    expect(removesLastAdmin(admin, { role: 'nurse' }, ['a'])).toBe(true);
    expect(removesLastAdmin(admin, { active: false }, [])).toBe(true);
    expect(removesLastAdmin(admin, { role: 'nurse' }, ['a', 'b'])).toBe(false);
    expect(removesLastAdmin(admin, {}, ['a'])).toBe(false);
  });

  it('names the field that asked for it', () => {
    expect(lastAdminRefused({ role: 'nurse' }).issues[0]?.field).toBe('body.role');
    expect(lastAdminRefused({ active: false }).issues[0]?.field).toBe('body.active');
    expect(lastAdminRefused({ active: false }).code).toBe('last_admin');
    expect(lastAdminRefused({ active: false }).kind).toBe('conflict');
  });
});
