/**
 * The 94 scopes an API user can be given (particle-api.md §6), grouped by the
 * resource they act on, each with one line saying what it allows. Pure data (no
 * DOM), so the emulator can validate against the same list.
 */

export interface ScopeInfo {
  name: string;
  description: string;
}

export interface ScopeGroup {
  /** The resource prefix of the scope names (`devices` for `devices.function:call`). */
  resource: string;
  label: string;
  scopes: readonly ScopeInfo[];
}

type Row = [name: string, description: string];

const group = (resource: string, label: string, rows: Row[]): ScopeGroup => ({
  resource,
  label,
  scopes: rows.map(([name, description]) => ({ name, description })),
});

export const SCOPE_GROUPS: readonly ScopeGroup[] = [
  group('clients', 'OAuth clients', [
    ['clients:create', 'Create OAuth clients for the product.'],
    ['clients:list', 'List OAuth clients.'],
    ['clients:remove', 'Delete OAuth clients.'],
    ['clients:update', 'Change OAuth clients.'],
  ]),
  group('configuration', 'Configuration', [
    ['configuration:get', 'Read product and device configuration.'],
    ['configuration:update', 'Change product and device configuration.'],
  ]),
  group('customers', 'Customers', [
    ['customers:list', 'List the product’s customers.'],
    ['customers:remove', 'Delete customers.'],
    ['customers:update', 'Change customers (e.g. reset a password).'],
  ]),
  group('devices', 'Devices', [
    ['devices.diagnostics:get', 'Read device vitals and diagnostics.'],
    ['devices.diagnostics:update', 'Ask devices to refresh their diagnostics.'],
    ['devices.function:call', 'Call cloud functions on devices.'],
    ['devices.variable:get', 'Read cloud variables from devices.'],
    ['devices:get', 'Read one device’s details.'],
    ['devices:import', 'Import devices into the product.'],
    ['devices:list', 'List devices.'],
    ['devices:ping', 'Ping devices to check they are online.'],
    ['devices:release', 'Release devices from a product firmware lock.'],
    ['devices:remove', 'Remove devices from the product.'],
    ['devices:update', 'Change devices (name, notes, group, firmware lock).'],
  ]),
  group('events', 'Events', [
    ['events:get', 'Subscribe to and read events.'],
    ['events:send', 'Publish events.'],
  ]),
  group('firmware', 'Firmware', [
    ['firmware.binary:get', 'Download product firmware binaries.'],
    ['firmware:create', 'Upload new product firmware.'],
    ['firmware:get', 'Read one firmware version’s details.'],
    ['firmware:list', 'List product firmware versions.'],
    ['firmware:release', 'Release firmware to devices or groups.'],
    ['firmware:remove', 'Delete product firmware.'],
    ['firmware:update', 'Change firmware title and description.'],
  ]),
  group('groups', 'Device groups', [
    ['groups.impact:get', 'Preview how many devices a firmware release would reach.'],
    ['groups:create', 'Create device groups.'],
    ['groups:get', 'Read one device group.'],
    ['groups:list', 'List device groups.'],
    ['groups:remove', 'Delete device groups.'],
    ['groups:update', 'Change device groups.'],
  ]),
  group('integrations', 'Integrations and webhooks', [
    ['integrations:create', 'Create integrations and webhooks.'],
    ['integrations:get', 'Read one integration.'],
    ['integrations:list', 'List integrations.'],
    ['integrations:remove', 'Delete integrations.'],
    ['integrations:test', 'Send a test event to an integration.'],
    ['integrations:update', 'Change integrations.'],
  ]),
  group('ledger', 'Ledger', [
    ['ledger.definitions:archive', 'Archive ledger definitions.'],
    ['ledger.definitions:create', 'Create ledger definitions.'],
    ['ledger.definitions:get', 'Read one ledger definition.'],
    ['ledger.definitions:list', 'List ledger definitions.'],
    ['ledger.definitions:update', 'Change ledger definitions.'],
    ['ledger.instances.versions:get', 'Read one past version of a ledger instance.'],
    ['ledger.instances.versions:list', 'List past versions of a ledger instance.'],
    ['ledger.instances:get', 'Read ledger instance data.'],
    ['ledger.instances:list', 'List ledger instances.'],
    ['ledger.instances:remove', 'Delete ledger instances.'],
    ['ledger.instances:set', 'Write ledger instance data.'],
  ]),
  group('locations', 'Locations', [['locations:get', 'Read device locations.']]),
  group('logic', 'Logic', [
    ['logic.functions:create', 'Create Logic functions.'],
    ['logic.functions:execute', 'Run Logic functions on demand.'],
    ['logic.functions:get', 'Read one Logic function.'],
    ['logic.functions:list', 'List Logic functions.'],
    ['logic.functions:remove', 'Delete Logic functions.'],
    ['logic.functions:update', 'Change Logic functions.'],
    ['logic.logs:list', 'Read Logic function logs.'],
    ['logic.runs:get', 'Read one Logic function run.'],
    ['logic.runs:list', 'List Logic function runs.'],
    ['logic.stats:list', 'Read Logic function statistics.'],
  ]),
  group('metrics', 'Metrics', [
    ['metrics.events:get', 'Read event traffic metrics.'],
    ['metrics.functions:get', 'Read function call metrics.'],
    ['metrics.integrations:get', 'Read integration traffic metrics.'],
    ['metrics.online:get', 'Read devices-online metrics.'],
    ['metrics.variables:get', 'Read variable request metrics.'],
  ]),
  group('organization', 'Organization', [['organization:get', 'Read the organization’s details.']]),
  group('products', 'Products', [
    ['products:get', 'Read the product’s details.'],
    ['products:list', 'List products.'],
  ]),
  group('secrets', 'Secrets', [
    ['secrets:create', 'Create secrets.'],
    ['secrets:delete', 'Delete secrets.'],
    ['secrets:get', 'Read one secret’s metadata.'],
    ['secrets:list', 'List secrets.'],
    ['secrets:update', 'Change secret values.'],
  ]),
  group('service_agreements', 'Service agreements and billing', [
    ['service_agreements.notifications:list', 'List usage notifications.'],
    ['service_agreements.pricing_terms:get', 'Read pricing terms.'],
    ['service_agreements.usage_reports:create', 'Request usage reports.'],
    ['service_agreements.usage_reports:get', 'Download usage reports.'],
    ['service_agreements.usage_summary:get', 'Read the usage summary.'],
    ['service_agreements:list', 'List service agreements.'],
  ]),
  group('sims', 'SIM cards', [
    ['sims.status:get', 'Read SIM connectivity status.'],
    ['sims.usage:get', 'Read SIM data usage.'],
    ['sims:get', 'Read one SIM card.'],
    ['sims:import', 'Import SIM cards into the product.'],
    ['sims:list', 'List SIM cards.'],
    ['sims:remove', 'Release SIM cards.'],
    ['sims:update', 'Activate, deactivate or change SIM cards.'],
  ]),
  group('teams', 'Team members and API users', [
    ['teams.users:get', 'Read one team member.'],
    ['teams.users:invite', 'Invite team members and create API users.'],
    ['teams.users:list', 'List team members and API users.'],
    ['teams.users:remove', 'Remove team members and API users.'],
    ['teams.users:update', 'Change team members’ roles and API users’ scopes.'],
  ]),
];

/** Every scope name, in catalogue order. */
export const ALL_SCOPES: readonly string[] = SCOPE_GROUPS.flatMap((g) =>
  g.scopes.map((s) => s.name),
);

const byName = new Map(SCOPE_GROUPS.flatMap((g) => g.scopes.map((s) => [s.name, s] as const)));

export function isKnownScope(name: string): boolean {
  return byName.has(name);
}

export function describeScope(name: string): string | undefined {
  return byName.get(name)?.description;
}
