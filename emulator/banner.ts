/** The console greeting: where the emulator listens and how to log in. */
import type { State } from './model/types.js';

export function banner(
  url: string,
  state: State,
  options: { faults?: boolean; dataFile?: string; siteUrl?: string },
): string {
  const accounts = [...state.users.values()].map(
    (u) =>
      `  ${u.username} / ${u.password}${u.mfaSecret ? `  (MFA: TOTP secret ${u.mfaSecret})` : ''}`,
  );
  return [
    `Particle Cloud API emulator listening on ${url}`,
    options.dataFile
      ? `Data: ${options.dataFile}`
      : 'Data: the seeded demo data (reset on restart)',
    'Accounts:',
    ...accounts,
    'MFA logins print the current one-time code here.',
    ...(options.siteUrl
      ? [`Hosted login stand-in: ${url}/login (returns only to ${new URL(options.siteUrl).origin})`]
      : []),
    ...(options.faults
      ? [`Faults on: POST ${url}/__emulator/faults (see emulator/README.md)`]
      : []),
  ].join('\n');
}
