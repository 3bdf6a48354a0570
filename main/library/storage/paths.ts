/**
 * Where everything lives inside a library folder. One place that knows the layout, so the
 * rest of the core asks for `paths.documentFile(id)` instead of joining strings.
 */
import path from 'node:path';

export interface LibraryPaths {
  root: string;
  /** The catalog's manifest: schema version, settings, and which shard file holds each part of the records. */
  libraryJson: string;
  /** catalog/: the document records, sharded by id (catalog/shards.ts). */
  catalogDir: string;
  /** backups/catalog/: the shard files the backed-up manifests name (each copied once). */
  catalogBackupsDir: string;
  documentsDir: string;
  annotationsDir: string;
  trashDir: string;
  backupsDir: string;
  /** Earlier bodies of documents updated from a file: history/<id>/<textVersion>.md. */
  historyDir: string;
  lockFile: string;
  /** Intent records of multi-file operations under way (see journal.ts). */
  journalDir: string;
  /** Notices about changes to the user's files, kept until the user dismisses them (app/kept-notices.ts). */
  noticesDir: string;
  documentFile(id: string): string;
  annotationsFile(id: string): string;
  /** annotations/<id>.log: the changes made since annotations/<id>.json was last written whole. */
  annotationsLogFile(id: string): string;
  /** backups/annotations/: each annotations file as it was before its last rewrite (a log folded in). */
  annotationBackupsDir: string;
  /** The previous version of annotations/<id>.json, kept before each change of its highlights. */
  annotationsBackupFile(id: string): string;
  trashEntryDir(id: string): string;
  historyFile(id: string, textVersion: string): string;
  /** cache/outlines/: rebuildable outlines of documents (documents/outline.ts). */
  outlinesDir: string;
  outlineFile(id: string): string;
}

export function libraryPaths(root: string): LibraryPaths {
  const absoluteRoot = path.resolve(root);
  const documentsDir = path.join(absoluteRoot, 'documents');
  const annotationsDir = path.join(absoluteRoot, 'annotations');
  const trashDir = path.join(absoluteRoot, 'trash');
  const historyDir = path.join(absoluteRoot, 'history');
  const annotationBackupsDir = path.join(absoluteRoot, 'backups', 'annotations');
  const outlinesDir = path.join(absoluteRoot, 'cache', 'outlines');
  return {
    root: absoluteRoot,
    libraryJson: path.join(absoluteRoot, 'library.json'),
    catalogDir: path.join(absoluteRoot, 'catalog'),
    catalogBackupsDir: path.join(absoluteRoot, 'backups', 'catalog'),
    documentsDir,
    annotationsDir,
    trashDir,
    backupsDir: path.join(absoluteRoot, 'backups'),
    historyDir,
    lockFile: path.join(absoluteRoot, '.lock'),
    journalDir: path.join(absoluteRoot, 'journal'),
    noticesDir: path.join(absoluteRoot, 'notices'),
    documentFile: (id) => path.join(documentsDir, `${id}.md`),
    annotationsFile: (id) => path.join(annotationsDir, `${id}.json`),
    annotationsLogFile: (id) => path.join(annotationsDir, `${id}.log`),
    annotationBackupsDir,
    annotationsBackupFile: (id) => path.join(annotationBackupsDir, `${id}.json`),
    trashEntryDir: (id) => path.join(trashDir, id),
    historyFile: (id, textVersion) => path.join(historyDir, id, `${textVersion}.md`),
    outlinesDir,
    outlineFile: (id) => path.join(outlinesDir, `${id}.json`),
  };
}

/** The folders every library has (created at open). */
export function libraryFolders(paths: LibraryPaths): string[] {
  const { documentsDir, annotationsDir, trashDir, backupsDir, historyDir, journalDir, outlinesDir } = paths;
  return [
    documentsDir,
    annotationsDir,
    trashDir,
    backupsDir,
    historyDir,
    journalDir,
    outlinesDir,
    paths.noticesDir,
    paths.catalogDir,
    paths.catalogBackupsDir,
  ];
}

/** A file-name-safe ISO timestamp: `2024-05-01T101500.123Z` (no colons, for Windows). */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replaceAll(':', '');
}
