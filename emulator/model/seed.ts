/**
 * The fixed demo data (the emulator's default). Docs, demos and tests rely on these names, so
 * change them only together with emulator/README.md.
 */
import { type DataFile, stateFromData } from './data-file.js';
import type { State } from './types.js';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_USER = 'demo@example.com';
export const MFA_USER = 'mfa@example.com';
export const MFA_SECRET = 'JBSWY3DPEHPK3PXP';

const teamScopes = [
  'teams.users:list',
  'teams.users:invite',
  'teams.users:update',
  'teams.users:remove',
];

const seedData: DataFile = {
  users: [
    { username: DEMO_USER, password: DEMO_PASSWORD, firstName: 'Demo', lastName: 'User' },
    {
      username: MFA_USER,
      password: DEMO_PASSWORD,
      firstName: 'Mfa',
      lastName: 'User',
      mfaSecret: MFA_SECRET,
    },
    {
      username: 'ada@example.com',
      password: 'ada-password',
      firstName: 'Ada',
      lastName: 'Lovelace',
    },
    {
      username: 'grace@example.com',
      password: 'grace-password',
      firstName: 'Grace',
      lastName: 'Hopper',
    },
  ],
  orgs: [
    {
      slug: 'acme',
      name: 'Acme Inc',
      team: [
        { username: DEMO_USER, role: 'Administrator' },
        { username: 'grace@example.com', role: 'Developer' },
      ],
      apiUsers: [
        { friendlyName: 'Acme CI', scopes: ['products:list', 'organization:get', ...teamScopes] },
      ],
    },
    // Neither the demo nor the MFA user belongs here: it shows that only members see data.
    {
      slug: 'globex',
      name: 'Globex',
      team: [{ username: 'ada@example.com', role: 'Administrator' }],
    },
  ],
  products: [
    {
      id: 10001,
      slug: 'demo-sandbox-tracker',
      name: 'Demo Tracker',
      description: 'A sandbox product of the demo user',
      platformId: 26,
      owner: DEMO_USER,
      groups: ['field', 'lab'],
      team: [
        { username: DEMO_USER, role: 'Administrator' },
        { username: 'ada@example.com', role: 'Developer' },
      ],
      apiUsers: [{ friendlyName: 'Tracker reader', scopes: ['products:get', 'teams.users:list'] }],
    },
    {
      id: 10002,
      slug: 'demo-sandbox-sensors',
      name: 'Demo Sensors',
      description: 'Another sandbox product of the demo user',
      platformId: 12,
      owner: DEMO_USER,
      team: [
        { username: DEMO_USER, role: 'Administrator' },
        { username: 'ada@example.com', role: 'View-only' },
      ],
      apiUsers: [{ friendlyName: 'Sensors uploader', scopes: ['devices:list', 'events:send'] }],
    },
    {
      id: 20001,
      slug: 'acme-fleet',
      name: 'Acme Fleet',
      description: 'An org product of Acme Inc',
      platformId: 13,
      org: 'acme',
      groups: ['eu', 'us'],
      team: [{ username: 'ada@example.com', role: 'Support' }],
      apiUsers: [{ friendlyName: 'Fleet monitor', scopes: ['devices:list', 'teams.users:list'] }],
    },
    {
      id: 20002,
      slug: 'acme-gateway',
      name: 'Acme Gateway',
      description: 'Another org product of Acme Inc',
      platformId: 32,
      org: 'acme',
      apiUsers: [{ friendlyName: 'Gateway ops', scopes: ['products:get', ...teamScopes] }],
    },
    {
      id: 30001,
      slug: 'ada-lab',
      name: "Ada's Lab",
      owner: 'ada@example.com',
      team: [{ username: 'ada@example.com', role: 'Administrator' }],
    },
  ],
};

/** A fresh copy of the demo data (a new `State` on every call). */
export const seedState = (): State => stateFromData(seedData);
