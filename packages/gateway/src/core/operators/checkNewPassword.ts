/** The shortest password an operator may set. */
export const MIN_PASSWORD_LENGTH = 12;

/** The longest: past it a password is surely pasted by mistake, and hashing it costs for nothing. */
export const MAX_PASSWORD_LENGTH = 1024;

export type NewPasswordProblem = 'too_short' | 'too_long' | 'mismatch';

/** Why a new password (typed twice) cannot be set; null when it can. Lengths count code points. */
export function checkNewPassword(password: string, confirmation: string): NewPasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  return password === confirmation ? null : 'mismatch';
}
