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

/**
 * A scope's name after its group's resource, and its description: `[':list', …]` in the
 * `devices` group is `devices:list`, `['.function:call', …]` is `devices.function:call`.
 * The catalogue ships in the widgets' JavaScript, and the resource written out 94 times
 * cost 130 bytes of it gzipped.
 */
type Row = [nameAfterResource: string, description: string];

const group = (resource: string, label: string, rows: Row[]): ScopeGroup => ({
  resource,
  label,
  scopes: rows.map(([rest, description]) => ({ name: resource + rest, description })),
});

export const SCOPE_GROUPS: readonly ScopeGroup[] = [
  group('clients', 'OAuth clients', [
    [':create', 'Create OAuth clients for the product.'],
    [':list', 'List OAuth clients.'],
    [':remove', 'Delete OAuth clients.'],
    [':update', 'Change OAuth clients.'],
  ]),
  group('configuration', 'Configuration', [
    [':get', 'Read product and device configuration.'],
    [':update', 'Change product and device configuration.'],
  ]),
  group('customers', 'Customers', [
    [':list', 'List the product’s customers.'],
    [':remove', 'Delete customers.'],
    [':update', 'Change customers (e.g. reset a password).'],
  ]),
  group('devices', 'Devices', [
    ['.diagnostics:get', 'Read device vitals and diagnostics.'],
    ['.diagnostics:update', 'Ask devices to refresh their diagnostics.'],
    ['.function:call', 'Call cloud functions on devices.'],
    ['.variable:get', 'Read cloud variables from devices.'],
    [':get', 'Read one device’s details.'],
    [':import', 'Import devices into the product.'],
    [':list', 'List devices.'],
    [':ping', 'Ping devices to check they are online.'],
    [':release', 'Release devices from a product firmware lock.'],
    [':remove', 'Remove devices from the product.'],
    [':update', 'Change devices (name, notes, group, firmware lock).'],
  ]),
  group('events', 'Events', [
    [':get', 'Subscribe to and read events.'],
    [':send', 'Publish events.'],
  ]),
  group('firmware', 'Firmware', [
    ['.binary:get', 'Download product firmware binaries.'],
    [':create', 'Upload new product firmware.'],
    [':get', 'Read one firmware version’s details.'],
    [':list', 'List product firmware versions.'],
    [':release', 'Release firmware to devices or groups.'],
    [':remove', 'Delete product firmware.'],
    [':update', 'Change firmware title and description.'],
  ]),
  group('groups', 'Device groups', [
    ['.impact:get', 'Preview how many devices a firmware release would reach.'],
    [':create', 'Create device groups.'],
    [':get', 'Read one device group.'],
    [':list', 'List device groups.'],
    [':remove', 'Delete device groups.'],
    [':update', 'Change device groups.'],
  ]),
  group('integrations', 'Integrations and webhooks', [
    [':create', 'Create integrations and webhooks.'],
    [':get', 'Read one integration.'],
    [':list', 'List integrations.'],
    [':remove', 'Delete integrations.'],
    [':test', 'Send a test event to an integration.'],
    [':update', 'Change integrations.'],
  ]),
  group('ledger', 'Ledger', [
    ['.definitions:archive', 'Archive ledger definitions.'],
    ['.definitions:create', 'Create ledger definitions.'],
    ['.definitions:get', 'Read one ledger definition.'],
    ['.definitions:list', 'List ledger definitions.'],
    ['.definitions:update', 'Change ledger definitions.'],
    ['.instances.versions:get', 'Read one past version of a ledger instance.'],
    ['.instances.versions:list', 'List past versions of a ledger instance.'],
    ['.instances:get', 'Read ledger instance data.'],
    ['.instances:list', 'List ledger instances.'],
    ['.instances:remove', 'Delete ledger instances.'],
    ['.instances:set', 'Write ledger instance data.'],
  ]),
  group('locations', 'Locations', [[':get', 'Read device locations.']]),
  group('logic', 'Logic', [
    ['.functions:create', 'Create Logic functions.'],
    ['.functions:execute', 'Run Logic functions on demand.'],
    ['.functions:get', 'Read one Logic function.'],
    ['.functions:list', 'List Logic functions.'],
    ['.functions:remove', 'Delete Logic functions.'],
    ['.functions:update', 'Change Logic functions.'],
    ['.logs:list', 'Read Logic function logs.'],
    ['.runs:get', 'Read one Logic function run.'],
    ['.runs:list', 'List Logic function runs.'],
    ['.stats:list', 'Read Logic function statistics.'],
  ]),
  group('metrics', 'Metrics', [
    ['.events:get', 'Read event traffic metrics.'],
    ['.functions:get', 'Read function call metrics.'],
    ['.integrations:get', 'Read integration traffic metrics.'],
    ['.online:get', 'Read devices-online metrics.'],
    ['.variables:get', 'Read variable request metrics.'],
  ]),
  group('organization', 'Organization', [[':get', 'Read the organization’s details.']]),
  group('products', 'Products', [
    [':get', 'Read the product’s details.'],
    [':list', 'List products.'],
  ]),
  group('secrets', 'Secrets', [
    [':create', 'Create secrets.'],
    [':delete', 'Delete secrets.'],
    [':get', 'Read one secret’s metadata.'],
    [':list', 'List secrets.'],
    [':update', 'Change secret values.'],
  ]),
  group('service_agreements', 'Service agreements and billing', [
    ['.notifications:list', 'List usage notifications.'],
    ['.pricing_terms:get', 'Read pricing terms.'],
    ['.usage_reports:create', 'Request usage reports.'],
    ['.usage_reports:get', 'Download usage reports.'],
    ['.usage_summary:get', 'Read the usage summary.'],
    [':list', 'List service agreements.'],
  ]),
  group('sims', 'SIM cards', [
    ['.status:get', 'Read SIM connectivity status.'],
    ['.usage:get', 'Read SIM data usage.'],
    [':get', 'Read one SIM card.'],
    [':import', 'Import SIM cards into the product.'],
    [':list', 'List SIM cards.'],
    [':remove', 'Release SIM cards.'],
    [':update', 'Activate, deactivate or change SIM cards.'],
  ]),
  group('teams', 'Team members and API users', [
    ['.users:get', 'Read one team member.'],
    ['.users:invite', 'Invite team members and create API users.'],
    ['.users:list', 'List team members and API users.'],
    ['.users:remove', 'Remove team members and API users.'],
    ['.users:update', 'Change team members’ roles and API users’ scopes.'],
  ]),
];

/** Every scope name, in catalogue order. */
export const ALL_SCOPES: readonly string[] = SCOPE_GROUPS.flatMap((g) =>
  g.scopes.map((s) => s.name),
);
