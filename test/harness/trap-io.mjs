// Preload (`node --import ./test/harness/trap-io.mjs`) that replaces process-spawning and network APIs with functions that
// record the call in $EDGELINT_TRAP_LOG and throw: the security test asserts edgelint never reaches any of them.
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const log = process.env.EDGELINT_TRAP_LOG;

function trap(name) {
  return function trapped() {
    const line = `${name}\n${new Error().stack?.split('\n').slice(2, 6).join('\n')}\n`;
    if (log) appendFileSync(log, line);
    throw new Error(`edgelint security trap: ${name} was called`);
  };
}

const TRAPS = {
  child_process: ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'],
  net: ['connect', 'createConnection', 'createServer'],
  tls: ['connect', 'createServer'],
  http: ['request', 'get', 'createServer'],
  https: ['request', 'get', 'createServer'],
  http2: ['connect', 'createServer', 'createSecureServer'],
  dgram: ['createSocket'],
  dns: ['lookup', 'resolve', 'resolve4', 'resolve6'],
};

for (const [mod, names] of Object.entries(TRAPS)) {
  const exports = require(`node:${mod}`);
  for (const name of names) exports[name] = trap(`${mod}.${name}`);
}
const net = require('node:net');
net.Socket.prototype.connect = trap('net.Socket.prototype.connect');
globalThis.fetch = trap('fetch');
globalThis.WebSocket = trap('WebSocket');
syncBuiltinESMExports();
