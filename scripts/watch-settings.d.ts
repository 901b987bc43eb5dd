/** How `npm start` watches this site's files (see watch-settings.js). */
export function watchSettings(eleventyConfig: { setChokidarConfig(options: object): void }): void;
