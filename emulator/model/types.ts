/**
 * The emulator's in-memory data. Everything lives in one `State` object so that a test can build
 * a fresh one per case (`seedState()`) and a restart resets it.
 */

/** Human team roles (particle-api.md §5.1). */
export const ROLES = ['Administrator', 'Developer', 'View-only', 'Support'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  /** 24 hex, shown as the team member `_id`. */
  id: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  /** Base32 TOTP secret; `null` means MFA is off. */
  mfaSecret: string | null;
  /** An account "created after Dec 2024": `?access_token=` is refused (§1.2, §8.4). */
  queryTokenDisabled: boolean;
  /** An SSO-only account: the password grant answers 403 `sso_user` (§2.1). */
  ssoOnly: boolean;
}

export interface Member {
  username: string;
  role: Role;
}

export interface Org {
  id: string;
  slug: string;
  name: string;
  team: Member[];
}

export interface Product {
  id: number;
  slug: string;
  name: string;
  description: string;
  platformId: number;
  /** Org id for org products, `null` for a user's sandbox product. */
  orgId: string | null;
  /** Owner username of a sandbox product. */
  owner: string | null;
  groups: string[];
  /** Human members of this product (org products also include the org's team). */
  team: Member[];
}

/** Where an API user belongs: exactly one product or one org. */
export type Target = { kind: 'product'; product: Product } | { kind: 'org'; org: Org };

export interface ApiUser {
  username: string;
  friendlyName: string;
  scopes: string[];
  productId: number | null;
  orgId: string | null;
  /** The one valid token of this API user (never expires), or `null` after a revoke. */
  token: string | null;
}

export interface Token {
  token: string;
  /** The account (human username or API-user username) the token acts for. */
  username: string;
  client: string;
  createdAt: number;
  /** Epoch ms; `null` = never expires. */
  expiresAt: number | null;
  refreshToken: string | null;
  apiUser: boolean;
  revoked: boolean;
}

/** A requested token lifetime: seconds from issue (0 = never), or an absolute epoch ms. */
export type Lifetime = { seconds: number } | { at: number };

/** A pending MFA step: step 1 succeeded, the one-time code is still due. */
export interface MfaChallenge {
  username: string;
  client: string;
  /** The token lifetime requested in step 1 (carried over, §2.2). */
  lifetime: Lifetime;
  challengeExpiresAt: number;
}

export interface State {
  users: Map<string, User>;
  orgs: Org[];
  products: Product[];
  apiUsers: Map<string, ApiUser>;
  tokens: Map<string, Token>;
  mfaChallenges: Map<string, MfaChallenge>;
}
