/**
 * npm run blurbs -- check   the build's shared-blurb check alone (writes nothing)
 * npm run blurbs -- sync    copy the one changed version of each blurb to its other copies
 *
 * Options: --content DIR (default content), --registry FILE (default blurbs.json).
 */
import { parseArgs } from 'node:util';
import { readMarkdownFiles } from '../source-files.js';
import { checkBlurbs } from './check.js';
import { syncBlurbs } from './sync.js';

const usage = 'Usage: npm run blurbs -- check|sync [--content DIR] [--registry FILE]';

function main(): number {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      content: { type: 'string', default: 'content' },
      registry: { type: 'string', default: 'blurbs.json' },
    },
  });
  const [command, ...extra] = positionals;
  if ((command !== 'check' && command !== 'sync') || extra.length) {
    console.error(usage);
    return 2;
  }
  try {
    if (command === 'check') {
      const blurbs = checkBlurbs(readMarkdownFiles(values.content));
      const copies = [...blurbs.values()].reduce((sum, list) => sum + list.length, 0);
      console.log(`Shared blurbs OK: ${blurbs.size} blurbs, ${copies} copies.`);
    } else {
      const { changes } = syncBlurbs(values.content, values.registry);
      for (const line of changes) console.log(line);
      console.log(
        changes.length ? `Synced ${changes.length} copies.` : 'Shared blurbs already in sync.',
      );
    }
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

process.exitCode = main();
