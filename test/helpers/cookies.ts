/**
 * Cookies for browser suites, as a hosted login leaves them: for this host, path `/`.
 * (The synchronous `document.cookie` on purpose: the code under test reads it.)
 */
export function writeCookie(name: string, rawValue: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: tests write what the page's code reads.
  document.cookie = `${name}=${rawValue}; path=/`;
}

export function dropCookie(name: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: as above.
  document.cookie = `${name}=; path=/; max-age=0`;
}
