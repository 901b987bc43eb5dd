// How `npm start` watches this site's files, shared by .eleventy.js and the build
// benchmark (bench/eleventy-child.ts applies it to every site it watches, so its
// one-page edit is timed as `npm start` runs it).
//
// Eleventy 3.1 has chokidar wait until a changed file has kept its size for 150 ms
// (`awaitWriteFinish`, polled every 25 ms) before it starts a rebuild: 150-175 ms of
// every edit's latency, a third of the 500 ms a one-page edit may take. An editor
// saving a Markdown page or partial to a local disk is done within a few
// milliseconds, so 40 ms of unchanged size (polled every 20 ms) still waits for a
// write in several chunks, and starts the rebuild about 110 ms sooner. Only a site
// setting: chokidar's options are one object for the whole site, which a plugin
// setting them would replace.

/** @param {{ setChokidarConfig(options: object): void }} eleventyConfig */
export function watchSettings(eleventyConfig) {
  eleventyConfig.setChokidarConfig({
    awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 20 },
  });
}
