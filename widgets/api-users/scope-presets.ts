/**
 * Scope presets offered by the scope picker, and the filter it applies. Pure
 * functions over scope names, so the picker stays a view and these are testable alone.
 */
import type { ScopeGroup } from '../api-helper/scopes.js';

export interface ScopePreset {
  id: string;
  label: string;
  /** Said to the reader beside the button: what the preset grants. */
  description: string;
  /** The scopes this preset selects, out of those the catalogue offers. */
  pick: (all: readonly string[]) => string[];
}

const readOnlyActions = new Set(['get', 'list']);

/** The action after the colon: `devices.function:call` → `call`. */
export const actionOf = (scope: string): string => scope.slice(scope.lastIndexOf(':') + 1);

const deviceControl = [
  'devices:list',
  'devices:get',
  'devices:ping',
  'devices.function:call',
  'devices.variable:get',
  'events:get',
  'events:send',
];

export const scopePresets: readonly ScopePreset[] = [
  {
    id: 'read-only',
    label: 'Read-only',
    description: 'every get and list scope: sees everything, changes nothing',
    pick: (all) => all.filter((scope) => readOnlyActions.has(actionOf(scope))),
  },
  {
    id: 'device-control',
    label: 'Device control',
    description: 'list devices, call functions, read variables, ping, get and send events',
    pick: (all) => all.filter((scope) => deviceControl.includes(scope)),
  },
  {
    id: 'team-admin',
    label: 'Manage API users',
    description: 'list, create, update and remove team members and API users',
    pick: (all) => all.filter((scope) => scope.startsWith('teams.users:')),
  },
];

/**
 * The groups and scopes whose name or description contain `query` (any case); a
 * group whose resource or label matches keeps all its scopes.
 */
export function filterGroups(groups: readonly ScopeGroup[], query: string): ScopeGroup[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...groups];
  const matches = (text: string) => text.toLowerCase().includes(needle);
  return groups
    .map((group) =>
      matches(group.resource) || matches(group.label)
        ? group
        : {
            ...group,
            scopes: group.scopes.filter((s) => matches(s.name) || matches(s.description)),
          },
    )
    .filter((group) => group.scopes.length > 0);
}
