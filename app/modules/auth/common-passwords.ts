/**
 * Passwords seen most often in public breach corpora (a short list; the
 * check also rejects these with digits or "!" appended). Compared lower-cased.
 */
export const COMMON_PASSWORDS = new Set([
  "123456", "123456789", "12345678", "12345", "1234567", "1234567890", "qwerty", "qwerty123", "qwertyuiop",
  "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "pass1234",
  "111111", "000000", "123123", "1234", "abc123", "abcd1234", "a1b2c3d4", "iloveyou", "admin", "admin123",
  "administrator", "welcome", "welcome1", "welcome123", "letmein", "monkey", "dragon", "football", "baseball",
  "sunshine", "princess", "shadow", "master", "superman", "batman", "trustno1", "starwars", "whatever",
  "freedom", "hello123", "login", "loveme", "michael", "jennifer", "charlie", "donald", "654321", "666666",
  "888888", "987654321", "121212", "112233", "zaq12wsx", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "qazwsx",
  "asdfghjkl", "asdfgh", "zxcvbnm", "changeme", "default", "secret", "access", "computer", "internet",
  "samsung", "google", "blink182", "mustang", "killer", "soccer", "hockey", "ranger", "cheese", "flower",
  "summer", "winter", "spring", "autumn", "london", "nigeria", "kenya", "ghana", "africa", "china",
  "woaini", "woaini1314", "5201314", "1314520", "aini1314", "qq123456", "wang1234", "zhang123",
  "motdepasse", "azerty", "azerty123", "soleil", "bonjour", "senha", "senha123", "mudar123", "brasil",
  "nenosiri", "jamboafrica", "showcase", "silkroad", "silkroad123",
]);

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[\d!.?]+$/, "");
  return COMMON_PASSWORDS.has(lower) || (stripped.length > 0 && COMMON_PASSWORDS.has(stripped));
}
