// File watching: which files change project facts, dynamic watcher registration, and handling of on-disk changes.
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import { fileKind } from '../engine/file-kind';
import { uriToPath } from './documents-host';

/** Globs registered with the client: config files (facts) and files the workspace pass reports on. */
export const WATCHED_GLOBS = ['**/wrangler.{toml,json,jsonc}', '**/package.json', '**/.edgelintrc.json', '**/.edgelintrc', '**/_headers', '**/.github/workflows/*.{yml,yaml}'];

/** True for files whose content feeds project facts or config: a change re-lints every open document. */
export function isProjectFile(path: string): boolean {
  const kind = fileKind(path);
  return kind === 'wrangler' || kind === 'package' || kind === 'edgelint-config';
}

/** Registers the watchers dynamically (only when the client supports it). */
export async function registerWatchers(connection: Connection): Promise<void> {
  await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
}

/** What a batch of watched-file events means for the server. */
export interface WatchedChange {
  /** A config file changed on disk: invalidate facts and re-lint. */
  projectChanged: boolean;
  /** A file was created or deleted: the workspace pass must walk the folders again. */
  filesAddedOrRemoved: boolean;
  /** The paths, for logging. */
  paths: string[];
}

/** Classifies workspace/didChangeWatchedFiles events. */
export function classify(params: DidChangeWatchedFilesParams): WatchedChange {
  const change: WatchedChange = { projectChanged: false, filesAddedOrRemoved: false, paths: [] };
  for (const event of params.changes) {
    const path = uriToPath(event.uri);
    if (!path) continue;
    change.paths.push(path);
    if (isProjectFile(path)) change.projectChanged = true;
    if (event.type !== FileChangeType.Changed) change.filesAddedOrRemoved = true;
  }
  return change;
}
