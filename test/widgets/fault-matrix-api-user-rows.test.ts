/** The fault matrix's rows for one listed API user (see fault-matrix.ts): edit scopes, delete. */
import { faultMatrix } from './fault-matrix.js';

faultMatrix('fault matrix: one API user', ['edit scopes', 'delete']);
