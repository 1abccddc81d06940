// Signs a demo account in (password, then the TOTP code computed from its secret) and prints the
// session cookie, for scripts/bench-server.sh to hand to wrk.
// Usage: node household_load.mjs BASE_URL ACCOUNTS_JSON
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [base, accountsFile] = process.argv.slice(2);
const account = JSON.parse(readFileSync(accountsFile, 'utf8'))[0];

function totp(secretBase32, unixSeconds) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretBase32) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const secret = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

async function post(path, body, cookie) {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie').split(';')[0];
}

const first = await post('/api/v1/session', { civil_id: account.civil_id, password: account.password });
const signedIn = await post('/api/v1/session/verify', { code: totp(account.totp_secret, Date.now() / 1000) }, first);
console.log(signedIn);
