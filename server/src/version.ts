// The package version, read from package.json at build time (bundled by esbuild).
import pkg from '../../package.json';

/** edgelint's version. */
export const VERSION: string = pkg.version;
