/**
 * The 94 API-user scopes of particle-api.md §6, from the shared catalogue (the one module of ours
 * the emulator may import, docs/architecture.md), so the widgets and the emulator cannot disagree.
 */
import { ALL_SCOPES } from '../../widgets/api-helper/scopes.js';

export const KNOWN_SCOPES: ReadonlySet<string> = new Set(ALL_SCOPES);
