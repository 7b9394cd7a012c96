import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('outside demo mode, asks for 12 characters, counting a letter with diacritics once', () => {
    expect(passwordProblem('a'.repeat(11), 'nam', false)).toBe('password: at least 12 characters');
    expect(passwordProblem('correct-hors', 'nam', false)).toBeUndefined();
    // 12 letters, in decomposed form (NFD) more than 12 code units.
    const vietnamese = 'Đồng Xoài 25'.normalize('NFD');
    expect(vietnamese.length).toBeGreaterThan(12);
    expect(passwordProblem(vietnamese, 'nam', false)).toBeUndefined();
    expect(passwordProblem('Đồng Xoài 2', 'nam', false)).toBe('password: at least 12 characters');
  });

  it('outside demo mode, refuses a password that contains the username, whatever its case', () => {
    expect(passwordProblem('chief-689-password', 'chief-689', false)).toBe(
      'password: must not contain the username',
    );
    expect(passwordProblem('my-LEADER-2026!', 'leader', false)).toBe(
      'password: must not contain the username',
    );
  });

  it('in demo mode, takes 8 characters', () => {
    expect(passwordProblem('password', 'leader', true)).toBeUndefined();
    expect(passwordProblem('passwor', 'leader', true)).toBe('password: at least 8 characters');
  });

  it('refuses more than 200 characters', () => {
    expect(passwordProblem('x'.repeat(201), 'nam', false)).toBe('password: at most 200 characters');
    expect(passwordProblem('x'.repeat(200), 'nam', false)).toBeUndefined();
  });
});
