// Cached folder listings (the CLI's stable-files mode): missing names are known without a read, real paths come from the
// folder's real path, and the project boundary still holds through linked folders and linked files.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { DirListings } from '../../../server/src/node-io/dir-listings';
import { Workspace } from '../../../server/src/node-io/workspace';
import { tempProject } from '../../harness/temp-project';

const HELPER = 'export const secret = "npm_Zq8d7XcVb6NmAsDfGhJkLpOiUyTrEwQ12345";\n';

describe('DirListings', () => {
  const t = tempProject({ 'proj/src/index.ts': 'export {};\n', 'outside/shared/helper.ts': HELPER, 'outside/file.ts': HELPER });
  mkdirSync(t.path('proj/.git'));
  symlinkSync(t.path('outside/shared'), t.path('proj/shared'));
  symlinkSync(t.path('outside/file.ts'), t.path('proj/src/linked.ts'));
  after(() => t.remove());

  it('knows a missing name from the listing, and cannot rule names out on case-insensitive file systems', () => {
    const listings = new DirListings(true);
    assert.equal(listings.mayExist(t.path('proj/src/index.ts')), true);
    assert.equal(listings.mayExist(t.path('proj/src/missing.ts')), false);
    assert.equal(listings.mayExist(t.path('proj/no-such-folder/x.ts')), true, 'an unlistable folder rules nothing out');
    assert.equal(new DirListings(false).mayExist(t.path('proj/src/missing.ts')), true);
    assert.deepEqual(listings.names(t.path('proj/src'))?.sort(), ['index.ts', 'linked.ts']);
  });

  it('gives real paths through linked folders, and none for a link itself (that one needs realpath)', () => {
    const listings = new DirListings(true);
    assert.equal(listings.realPathOf(t.path('proj/src/index.ts')), t.path('proj/src/index.ts'));
    assert.equal(listings.realPathOf(t.path('proj/shared/helper.ts')), t.path('outside/shared/helper.ts'));
    assert.equal(listings.realPathOf(t.path('proj/src/linked.ts')), undefined);
  });

  for (const stableFiles of [true, false]) {
    it(`a workspace ${stableFiles ? 'with' : 'without'} stable files reads nothing through links that leave the project`, () => {
      const workspace = new Workspace({ stableFiles, roots: [t.path('proj')], cwd: t.path('proj') });
      assert.equal(workspace.readFile(t.path('proj/src/index.ts')), 'export {};\n');
      assert.equal(workspace.readFile(t.path('proj/shared/helper.ts')), undefined);
      assert.equal(workspace.readFile(t.path('proj/src/linked.ts')), undefined);
      assert.equal(workspace.read(t.path('proj/shared/helper.ts')).ok, false);
      assert.equal(workspace.readFile(t.path('proj/src/missing.ts')), undefined);
    });
  }
});
