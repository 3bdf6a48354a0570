/** The custom elements <reader-view>'s template uses, registered by importing them. */
import './reader-document-tags';
import './reader-export-tools';
import './reader-jsonld-export';
import './reader-settings';
import './reader-toc';
