/** The fault matrix's login rows (see fault-matrix.ts): logged-out forms and logout. */
import { faultMatrix } from './fault-matrix.js';

faultMatrix('fault matrix: logging in and out', [
  'login',
  'MFA verify',
  'token login',
  'create token',
  'logout',
]);
