/**
 * `includeDefinitions` in front matter names the script bundles a page needed on
 * Particle's own site. Our pages get their widget scripts from the partials they
 * use (see widgets/inject.ts), so each known name maps to what our site still has
 * to load for it: nothing. The names stay accepted so that Particle's pages build
 * unchanged, and an unknown name is reported as the typo it probably is.
 */
import { BuildError } from './build-error.js';

const includeDefinitionsMap: Readonly<Record<string, string>> = {
  'api-helper': 'nothing: the api-helper core is bundled into each widget script',
  'api-helper-cloud': 'nothing: cloud API calls live in the api-helper core',
  'api-helper-extras': 'nothing: the widgets import what they use',
  'api-helper-json': 'nothing: responses are parsed by the api-helper core',
  codemirror: 'nothing: no widget uses a code editor; snippets are plain text',
};

/** Throws a BuildError naming the page when `value` is not a list of known names. */
export function checkIncludeDefinitions(value: unknown, file: string): void {
  if (value === undefined || value === null) return;
  const known = Object.keys(includeDefinitionsMap);
  const names = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) {
    throw new BuildError(
      file,
      undefined,
      `includeDefinitions must be a list of names, e.g. [api-helper]. Known names: ${known.join(', ')}.`,
    );
  }
  for (const name of names as string[]) {
    if (!(name in includeDefinitionsMap)) {
      throw new BuildError(
        file,
        undefined,
        `Unknown includeDefinitions entry "${name}". Known names: ${known.join(', ')}.`,
      );
    }
  }
}
