// The parse baseline as its own process: reads every file listed (one path a line) in argv[2] and runs
// ts.createSourceFile on it (setParentNodes, as the engine does); prints the file count.
const { readFileSync } = require('node:fs');
const ts = require('typescript');

const paths = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
let nodes = 0;
for (const path of paths) {
  const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  nodes += sf.statements.length;
}
console.log(`${paths.length} files, ${nodes} top-level statements`);
