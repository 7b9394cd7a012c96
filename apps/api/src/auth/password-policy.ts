/**
 * The password policy (README, SPEC §6). Outside demo mode: at least 12 characters (letters with
 * diacritics count once each), and not containing the username. In demo mode, where every
 * seeded account has the password `demo`, 8 characters will do.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const DEMO_PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

/** What is wrong with `password` for `username`, or undefined when it meets the policy. */
export function passwordProblem(
  password: string,
  username: string,
  demo: boolean,
): string | undefined {
  const length = [...password.normalize('NFC')].length;
  const minLength = demo ? DEMO_PASSWORD_MIN_LENGTH : PASSWORD_MIN_LENGTH;
  if (length < minLength) return `password: at least ${minLength} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `password: at most ${PASSWORD_MAX_LENGTH} characters`;
  if (!demo && password.toLowerCase().includes(username.toLowerCase()))
    return 'password: must not contain the username';
  return undefined;
}
