// The package's entries as the Node tests load them: the full build's
// pkg/node (CommonJS) and pkg/web (ES module, instantiated from the .wasm
// bytes), and the same two of the phone-only build (pkg/phone/, the entry
// telschema/phone). A phone test runs over `phone`, so that the phone-only
// build must give the full one's answers; a documents test over `full`.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

async function load(dir) {
  const node = require(path.join(root, dir, 'node/telschema.js'));
  const web = await import(pathToFileURL(path.join(root, dir, 'web/telschema.js')));
  web.initSync(fs.readFileSync(path.join(root, dir, 'web/telschema_glue_bg.wasm')));
  return [node, web];
}

const [node, web] = await load('pkg');
const [phoneNode, phoneWeb] = await load('pkg/phone');

/** [name, module] of the full build's two targets. */
export const full = [
  ['node', node],
  ['web', web],
];

/** The full build's targets and the phone-only build's. */
export const phone = [...full, ['phone/node', phoneNode], ['phone/web', phoneWeb]];
