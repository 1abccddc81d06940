// Feeds every golden request to the native muamala-rules and to muamala-rules.js under node, and
// fails if any answer line differs by a single byte. Usage:
//   node parity.mjs --golden DIR --native PATH --wasm PATH
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const key of ['golden', 'native', 'wasm']) {
  if (!args[key]) { console.error(`parity: missing --${key}`); process.exit(2); }
}
if (!existsSync(args.wasm)) {
  console.error(`parity: ${args.wasm} is missing; build the wasm tree first (scripts/build.sh)`);
  process.exit(1);
}

// Request lines as raw bytes, exactly as the GoogleTest golden runner builds them.
const lines = [];
for (const file of readdirSync(args.golden).filter((f) => f.endsWith('.jsonl')).sort()) {
  readFileSync(join(args.golden, file), 'utf8').split('\n').forEach((text, index) => {
    if (!text) return;
    const record = JSON.parse(text);
    let bytes;
    if ('request' in record) bytes = Buffer.from(JSON.stringify(record.request), 'utf8');
    else if ('line' in record) bytes = Buffer.from(record.line, 'utf8');
    else bytes = Buffer.from(record.line_hex, 'hex');
    lines.push({ where: `${file}:${index + 1}`, bytes });
  });
}
const input = Buffer.concat(lines.flatMap(({ bytes }) => [bytes, Buffer.from('\n')]));

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { input, maxBuffer: 1 << 30 });
  if (result.status !== 0) {
    console.error(`parity: ${command} ${commandArgs.join(' ')} exited ${result.status}\n${result.stderr}`);
    process.exit(1);
  }
  return result.stdout.toString('utf8').split('\n').slice(0, -1);
}
const native = run(args.native, []);
const wasm = run(process.execPath, ['--no-experimental-fetch', args.wasm]);

let differences = 0;
for (let i = 0; i < lines.length; ++i) {
  if (native[i] !== wasm[i]) {
    if (++differences <= 5) console.error(`DIFF ${lines[i].where}\n  native: ${native[i]}\n  wasm:   ${wasm[i]}`);
  }
}
if (native.length !== lines.length || wasm.length !== lines.length) {
  console.error(`parity: ${lines.length} requests, ${native.length} native answers, ${wasm.length} wasm answers`);
  process.exit(1);
}
console.log(`parity: ${lines.length} requests, ${differences} differences`);
process.exit(differences === 0 ? 0 : 1);
