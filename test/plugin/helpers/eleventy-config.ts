// The config file the in-process test builds load instead of the site's .eleventy.js:
// only the settings Eleventy takes from a config file; the plugin comes from the test.
import { templateConfig } from '../../../plugin/index.js';

export default function (): void {}

export const config = { ...templateConfig };
