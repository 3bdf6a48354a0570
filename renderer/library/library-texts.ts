/** Sentences the library view builds from what the reader asked for. */

/** “emile” tagged #politics — what a filter that matched nothing asked for. */
export function noMatchWhat(filter: string, tag: string | null): string {
  const tagged = tag === null ? '' : `the tag #${tag}`;
  return filter === '' ? tagged : `“${filter}”${tag === null ? '' : ` with ${tagged}`}`;
}
