/**
 * The curl and `particle` CLI equivalents of a request, for readers who want to
 * run the same call themselves. Secrets are placeholders (`$PARTICLE_ACCESS_TOKEN`,
 * `$PARTICLE_PASSWORD`, `$PARTICLE_OTP`, `$PARTICLE_MFA_TOKEN`) unless the caller
 * asks for the secret version with `reveal`; then the token comes from `token`
 * (a `'session'` request does not carry it).
 */
import { normalizeBase, OAUTH_CLIENT } from './client.js';
import type { ApiRequest } from './types.js';

export interface SnippetOptions {
  /** Put the real token, password and code into the command (for "copy with secret"). */
  reveal?: boolean;
  /** The session's token, used for `'session'` requests when `reveal` is set. */
  token?: string;
}

/** Form fields that must never appear in a copied command by default. */
const SECRET_FIELDS: Record<string, string> = {
  password: '$PARTICLE_PASSWORD',
  otp: '$PARTICLE_OTP',
  mfa_token: '$PARTICLE_MFA_TOKEN',
};
const TOKEN_VAR = '$PARTICLE_ACCESS_TOKEN';

/** Quotes a word for POSIX shells: plain words stay bare, anything else goes in single quotes. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A word whose `$VAR` must expand: double quotes, with only the variable unescaped. */
const withVariable = (prefix: string, variable: string) =>
  `"${prefix.replace(/(["\\$`])/g, '\\$1')}${variable}"`;

function bearerToken(req: ApiRequest, options: SnippetOptions): string | null {
  if (!options.reveal) return null;
  if (typeof req.auth === 'object') return req.auth.token;
  return req.auth === 'session' ? (options.token ?? null) : null;
}

export function toCurl(baseUrl: string, req: ApiRequest, options: SnippetOptions = {}): string {
  const parts = [
    `curl${req.method === 'GET' ? '' : ` -X ${req.method}`} ${shellQuote(normalizeBase(baseUrl) + req.path)}`,
  ];
  if (req.auth === 'client')
    parts.push(`-u ${shellQuote(`${OAUTH_CLIENT.id}:${OAUTH_CLIENT.secret}`)}`);
  if (typeof req.auth === 'object' || req.auth === 'session') {
    const token = bearerToken(req, options);
    parts.push(
      `-H ${token ? shellQuote(`Authorization: Bearer ${token}`) : withVariable('Authorization: Bearer ', TOKEN_VAR)}`,
    );
  }
  for (const [name, value] of Object.entries(req.form ?? {})) {
    const placeholder = SECRET_FIELDS[name];
    if (placeholder && !options.reveal)
      parts.push(`--data-urlencode ${withVariable(`${name}=`, placeholder)}`);
    else parts.push(`--data-urlencode ${shellQuote(`${name}=${value}`)}`);
  }
  if (req.json !== undefined) {
    parts.push(
      `-H ${shellQuote('Content-Type: application/json')}`,
      `-d ${shellQuote(JSON.stringify(req.json))}`,
    );
  }
  return parts.join(' \\\n  ');
}

/** The `particle` CLI command doing the same, or null when the CLI has none. */
export function toCli(req: ApiRequest, options: SnippetOptions = {}): string | null {
  const grant = req.path === '/oauth/token' ? req.form?.grant_type : undefined;
  if (grant === 'password') {
    // The CLI asks for the email, password and one-time code itself.
    const expiresIn = req.form?.expires_in;
    if (expiresIn === '0') return 'particle token create --never-expires';
    return expiresIn
      ? `particle token create --expires-in ${shellQuote(expiresIn)}`
      : 'particle token create';
  }
  if (req.method === 'GET' && req.path === '/v1/user') return 'particle whoami';
  if (req.method === 'DELETE' && req.path === '/v1/access_tokens/current') {
    const token = bearerToken(req, options);
    return `particle token revoke ${token ? shellQuote(token) : withVariable('', TOKEN_VAR)}`;
  }
  return null;
}
