/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling: loads nock with Node's own module loader; runs in jest, never published */
/**
 * nock 15 is an ES module. `import nock from 'nock'` in a jest test (CommonJS via ts-jest) fails with
 * "Must use import to load ES Module" unless jest runs with NODE_OPTIONS=--experimental-vm-modules,
 * which `npx jest --ci` (scripts/test) does not set; jest also replaces `createRequire` and
 * `process.getBuiltinModule` in the sandbox. Node 24's own loader can `require()` an ES module, so
 * this file loads nock through `Module.prototype.require` (jest's `node:module` is a subclass of
 * Node's Module, so that method is Node's). nock then lives outside jest's module registry, but it
 * patches the core `http`/`https` modules, which jest shares with the sandbox, so axios inside
 * n8n-core is intercepted as usual. Use: `import { nock } from '../engine/nock'`.
 *
 * nock 15 (with @mswjs/interceptors 0.45) differs from nock <= 14, seen here:
 * - a reply function gets the Fetch API `Request`: `.reply(async (req: Request) => [200, body])`,
 *   read headers with `req.headers.get(...)` and the raw body with `await req.arrayBuffer()`; a
 *   two-parameter function is taken as callback style `(req, callback)` (an old `(uri, body)`
 *   function hangs the request until the test times out);
 * - a request whose stream body yields its data after the first tick (an fs stream, as from
 *   `getBinaryStream`) is NOT intercepted and goes to the real network even after
 *   `disableNetConnect()` (seen: ENOTFOUND). FormData + Blob bodies (any size) are intercepted;
 *   for stream bodies use a real server on 127.0.0.1 (http.ts `withLocalServer`).
 */
import { Module } from 'node:module';
import type nockType from 'nock';

type NockModule = typeof nockType & { default?: typeof nockType };

const nockPath = require.resolve('nock');
const loaded = new Module(nockPath).require(nockPath) as NockModule;

export const nock: typeof nockType = loaded.default ?? loaded;
export default nock;
