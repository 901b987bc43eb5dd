/** The fault matrix's API-user rows (see fault-matrix.ts): create an API user, list them. */
import { faultMatrix } from './fault-matrix.js';

faultMatrix('fault matrix: API users', ['create API user', 'list']);
