/** One render chunk of the progressive renderer: its markdown, its element and where it stands. */
import { countBlocks } from './chunks';

export interface Chunk {
  markdown: string;
  blocks: number;
  element: HTMLElement;
  rendered: boolean;
  /** The reader wants it now: insert it as soon as it is parsed, not in an idle slice. */
  wanted: boolean;
  /** Parsed and waiting for an idle slice. */
  html: string | null;
  settled: Promise<void>;
  settle: () => void;
}

/** A pending chunk element for `markdown`, not yet on the page. */
export function createChunk(markdown: string): Chunk {
  const element = document.createElement('div');
  element.className = 'chunk pending';
  const resolvers: { settle?: () => void } = {};
  const settled = new Promise<void>((resolve) => (resolvers.settle = resolve));
  const settle = (): void => resolvers.settle?.();
  const blocks = countBlocks(markdown);
  return { markdown, blocks, element, rendered: false, wanted: false, html: null, settled, settle };
}
