// The OpenAPI document as the built server serves it (GET /api/v1/openapi.json), linted by
// @redocly/cli with its recommended rules (redocly.yaml): any error or warning fails the run.
// Usage: node openapi_lint.mjs --server PATH
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';

import { startServer, stopServer } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { server: { type: 'string' } } });
if (!values.server) {
  console.error('usage: node openapi_lint.mjs --server PATH');
  process.exit(2);
}

const workDir = mkdtempSync(join(tmpdir(), 'muamala-openapi-'));
let server;
let failed = true;
try {
  server = await startServer(values.server, join(workDir, 'muamala.db'));  // a new database: the document needs no data
  const document = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).text();
  const file = join(workDir, 'openapi.json');
  writeFileSync(file, document);
  // Nothing leaves the machine: no usage reports, no check for a newer version.
  const environment = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  const redocly = join(here, 'node_modules', '.bin', 'redocly');
  // lint exits 1 when it finds an error; warnings are read from its report.
  const { stdout } = await promisify(execFile)(redocly, ['lint', file, '--config', join(here, 'redocly.yaml'), '--format', 'json'],
                                               { env: environment, maxBuffer: 16 << 20 })
    .catch((error) => ({ stdout: error.stdout ?? '', stderr: error.stderr }));
  const report = JSON.parse(stdout);
  for (const problem of report.problems)
    console.log(`${problem.severity} ${problem.ruleId}: ${problem.message} (${problem.location.map((at) => at.pointer).join(', ')})`);
  const { errors, warnings } = report.totals;
  console.log(`openapi lint: ${errors} errors, ${warnings} warnings`);
  failed = errors + warnings > 0;
} catch (error) {
  console.error(`openapi lint could not run: ${error.stack ?? error}`);
} finally {
  if (server) await stopServer(server);
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
