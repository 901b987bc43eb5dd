/** RFC 6238 one-time codes (SHA-1, 6 digits, 30 s) through the otpauth library. */
import { Secret, TOTP } from 'otpauth';

const totp = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });

/** The code an authenticator app shows at `now` (printed on every MFA challenge). */
export const currentCode = (secret: string, now: number): string =>
  totp(secret).generate({ timestamp: now });

/** Accepts the current code and its neighbours (±30 s of clock drift). */
export const verifyCode = (secret: string, code: string, now: number): boolean =>
  /^\d{6}$/.test(code) &&
  totp(secret).validate({ token: code, timestamp: now, window: 1 }) !== null;
