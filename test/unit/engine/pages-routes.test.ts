// Pages Functions routes from file-based routing, and the project fact that hands them to `_headers` files only.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pagesFunctionRoutes } from '../../../server/src/engine/project/pages-routes';
import { NO_WRANGLER, ROOT, virtualProject } from '../../harness/virtual-project';

const HANDLER = 'export const onRequest = () => new Response("x");';

describe('pagesFunctionRoutes', () => {
  const files: Record<string, string> = {
    'functions/index.ts': HANDLER,
    'functions/about.js': 'export function onRequestGet() { return new Response("a"); }',
    'functions/api/[id].ts': HANDLER,
    'functions/api/users/index.ts': HANDLER,
    'functions/docs/[[slug]].ts': HANDLER,
    'functions/_middleware.ts': HANDLER,
    'functions/_lib/db.ts': 'export const db = {};',
    'functions/api/types.d.ts': 'export {};',
    'functions/README.md': '# notes',
  };
  const { project, files: map } = virtualProject({ ...files, [NO_WRANGLER]: '' });
  const listDir = (dir: string) => {
    const prefix = `${dir}/`;
    return [...new Set([...map.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0]!))];
  };

  it('maps files to routes: index, [param], [[catch-all]]; skips middleware, helpers without a handler, type files and docs', () => {
    const routes = pagesFunctionRoutes(join(ROOT, 'functions'), listDir, (p) => map.get(p));
    assert.deepEqual(routes.map((r) => `${r.path} ${r.file}`).sort(), [
      '/ functions/index.ts',
      '/about functions/about.js',
      '/api/:id functions/api/[id].ts',
      '/api/users functions/api/users/index.ts',
      '/docs/* functions/docs/[[slug]].ts',
    ]);
  });

  it('is a fact of _headers files only, found from a build folder below the project root', () => {
    assert.deepEqual(project.factsFor(join(ROOT, 'dist/_headers')).pagesFunctionRoutes?.map((r) => r.path).sort(), ['/', '/about', '/api/:id', '/api/users', '/docs/*']);
    assert.equal(project.factsFor(join(ROOT, 'src/index.ts')).pagesFunctionRoutes, undefined);
  });

  it('is empty without a functions folder', () => {
    const { project: bare } = virtualProject({ 'public/_headers': '/*\n  X-A: b\n' });
    assert.deepEqual(bare.factsFor(join(ROOT, 'public/_headers')).pagesFunctionRoutes, []);
  });
});
