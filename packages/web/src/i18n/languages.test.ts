import { describe, expect, it } from 'vitest';
import { storedLanguage, storeLanguage } from './languages';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => values.set(key, value) };
}

describe('the stored language', () => {
  it('is Dutch until the user chooses', () => {
    expect(storedLanguage(memoryStorage())).toBe('nl');
    expect(storedLanguage(undefined)).toBe('nl');
  });

  it('remembers English once chosen', () => {
    const storage = memoryStorage();
    storeLanguage(storage, 'en');
    expect(storedLanguage(storage)).toBe('en');
  });

  it('ignores values it does not know and storage that refuses access', () => {
    const storage = memoryStorage();
    storage.setItem('osteopad.language', 'fr');
    expect(storedLanguage(storage)).toBe('nl');
    const blocked = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: (): void => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(storedLanguage(blocked)).toBe('nl');
    expect(() => {
      storeLanguage(blocked, 'en');
    }).not.toThrow();
  });
});
