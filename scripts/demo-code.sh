#!/usr/bin/env bash
# Prints the current 6-digit sign-in code (RFC 6238 TOTP) of a demo account from
# data/demo-accounts.json, standing in for the authenticator app a real account would use.
# Usage: scripts/demo-code.sh CIVIL_ID
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: $0 CIVIL_ID" >&2; exit 2; }
node -e '
  const crypto = require("crypto");
  const account = require(process.argv[1]).find((a) => a.civil_id === process.argv[2]);
  if (!account) { console.error("no demo account " + process.argv[2]); process.exit(1); }
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of account.totp_secret) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const secret = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30)));
  const mac = crypto.createHmac("sha1", secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  console.log(String(code).padStart(6, "0"));
' "$PWD/data/demo-accounts.json" "$1"
