/**
 * The custom elements <reader-view>'s template uses, registered by importing them, and the warm-up
 * of the parser and sanitizer while the app idles, before anyone opens a document.
 */
import { warmUpRendering } from '../reader/progressive-renderer';
import './reader-document-tags';
import './reader-export-tools';
import './reader-jsonld-export';
import './reader-settings';
import './reader-toc';

if (typeof requestIdleCallback === 'function') requestIdleCallback(warmUpRendering, { timeout: 2000 });
