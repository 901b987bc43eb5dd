// A worker (see warmDateFormatting in expiry.ts): formats one date so that the browser
// loads its locale data off the page's main thread, then says so and is ended.
new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' }).format(0);
postMessage('warm');
