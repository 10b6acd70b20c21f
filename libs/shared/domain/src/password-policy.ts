/** The most common passwords, refused whatever the configured length (lower-cased). */
const COMMON_PASSWORDS = new Set([
  '123456',
  '123456789',
  '12345678',
  'password',
  'qwerty123',
  'qwerty',
  '1q2w3e4r',
  '111111',
  '1234567890',
  '123123',
  'abc123',
  'password1',
  'iloveyou',
  'a123456',
  'admin123',
  'admin12345',
  'qwertyuiop',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'welcome1',
  'abcd1234',
  'aa123456',
  'abc123456',
  'qq123456',
  'woaini1314',
  '5201314',
  'a1234567',
  'a12345678',
  '1qaz2wsx',
  'zxcvbnm123',
  'asdf1234',
  'asdfghjkl1',
  'admin1234',
  'letmein123',
  'changeme123',
  'test123456',
  'pass123456',
  'qwe123456',
  'abcdefg123',
  '1234qwer',
  'qwer1234',
  'password12',
  'password1234',
  'administrator1',
  'root123456',
  'q1w2e3r4t5',
  '1qaz2wsx3edc',
  'zaq12wsx',
  'a123456789',
  'abc1234567',
  'woaini520',
  'admin888',
  'admin666',
]);

export interface PasswordPolicy {
  minLength: number;
  requireLetterAndDigit: boolean;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 10, requireLetterAndDigit: true };

/** Why the password breaks the policy (a user-facing Chinese sentence), or null when it passes. */
export function passwordProblem(password: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string | null {
  if (password.length < policy.minLength) return `密码至少 ${policy.minLength} 个字符`;
  if (policy.requireLetterAndDigit && !(/[A-Za-z]/.test(password) && /\d/.test(password))) {
    return '密码须同时包含字母和数字';
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return '密码过于常见，请换一个';
  return null;
}
