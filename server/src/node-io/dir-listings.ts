// Folder listings cached for one CLI run (files are stable): a lookup of a missing file (config names, Env type files,
// import extensions) costs no syscall and no exception, and a file's real path comes from its folder's, without realpath.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { realPath } from './boundary';

/** What a folder entry is, as far as reads need to know. */
type Entry = 'link' | 'other';

export class DirListings {
  private readonly listings = new Map<string, Map<string, Entry> | null>();
  private readonly realDirs = new Map<string, string | null>();

  /** On case-insensitive file systems a listing cannot rule a name out (`Wrangler.toml` opens as `wrangler.toml`). */
  constructor(private readonly caseSensitive = process.platform === 'linux') {}

  /** False when the folder was listed and has no entry of that name (so reading it would fail); true otherwise. */
  mayExist(path: string): boolean {
    if (!this.caseSensitive) return true;
    const listing = this.listing(dirname(path));
    return listing === null || listing.has(basename(path));
  }

  /** The folder's entry names, or undefined when it cannot be listed. */
  names(dir: string): string[] | undefined {
    const listing = this.listing(dir);
    return listing === null ? undefined : [...listing.keys()];
  }

  /** The real path of a listed entry that is not a symlink (its folder's real path plus its name); undefined when unknown. */
  realPathOf(path: string): string | undefined {
    const dir = dirname(path);
    if (this.listing(dir)?.get(basename(path)) !== 'other') return undefined;
    const real = this.realDir(dir);
    return real === null ? undefined : join(real, basename(path));
  }

  /** A folder's real path: its parent's plus its name when the parent lists it as no link; realpath otherwise. */
  private realDir(dir: string): string | null {
    let real = this.realDirs.get(dir);
    if (real === undefined) {
      const parent = dirname(dir);
      const viaParent = parent !== dir && this.listing(parent)?.get(basename(dir)) === 'other' ? this.realDir(parent) : undefined;
      if (viaParent !== undefined) real = viaParent === null ? null : join(viaParent, basename(dir));
      else real = realPath(dir) ?? null;
      this.realDirs.set(dir, real);
    }
    return real;
  }

  private listing(dir: string): Map<string, Entry> | null {
    let listing = this.listings.get(dir);
    if (listing === undefined) {
      try {
        listing = new Map(readdirSync(dir, { withFileTypes: true }).map((e) => [e.name, e.isSymbolicLink() ? 'link' : 'other']));
      } catch {
        listing = null;
      }
      this.listings.set(dir, listing);
    }
    return listing;
  }
}
