/**
 * The password policy (README, SPEC §6). Outside demo mode: at least 12 characters (letters with
 * diacritics count once each), and not containing the username. In demo mode, where every
 * seeded account has the password `demo`, 8 characters will do.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const DEMO_PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

/** The policy in force, as the admin screen states it beside the password field. */
export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  mayContainUsername: boolean;
}

export function passwordPolicy(demo: boolean): PasswordPolicy {
  return {
    minLength: demo ? DEMO_PASSWORD_MIN_LENGTH : PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    mayContainUsername: demo,
  };
}

/** What is wrong with `password` for `username`, or undefined when it meets the policy. */
export function passwordProblem(
  password: string,
  username: string,
  demo: boolean,
): string | undefined {
  const policy = passwordPolicy(demo);
  const length = [...password.normalize('NFC')].length;
  if (length < policy.minLength) return `password: at least ${policy.minLength} characters`;
  if (length > policy.maxLength) return `password: at most ${policy.maxLength} characters`;
  if (!policy.mayContainUsername && password.toLowerCase().includes(username.toLowerCase()))
    return 'password: must not contain the username';
  return undefined;
}
