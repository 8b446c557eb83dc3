/**
 * Once per suite run: DynamoDB Local (4-9 s to start) and the local server as a child process,
 * exactly as `npm start` runs it but in memory and without demo data. The server's output goes
 * to a log file that the personal-data test reads.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    ddbEndpoint: string;
    tableName: string;
    serverLogPath: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.AWS_REGION ??= 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  const { startDynamoDbLocal, ensureTable } = await import('../../infra/local/dynamodb-local.ts');
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const tableName = 'talent-registry-test';
  await ensureTable(dynamo.endpoint, tableName);

  const port = await freePort();
  const logDir = join(root, '.build', 'test-logs');
  mkdirSync(logDir, { recursive: true });
  const serverLogPath = join(logDir, `${project.name}-server.log`);
  const log = createWriteStream(serverLogPath);
  const server: ChildProcess = spawn(
    process.execPath,
    [
      // The zod/mini of the Lambda bundles, on demand (test/support/zod-stand-in.mjs).
      ...(process.env.REGISTRY_ZOD_STAND_IN ? ['--import', './test/support/zod-stand-in.mjs'] : []),
      '--import',
      'tsx',
      'infra/local/main.ts',
      '--in-memory',
      '--no-seed',
      '--port',
      String(port),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        TABLE_NAME: tableName,
        LOGIN_LINKS_PER_HOUR: '5',
        POWERTOOLS_LOG_LEVEL: 'DEBUG',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The local server exited; see ${serverLogPath}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000)
      throw new Error(`The local server did not start; see ${serverLogPath}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  project.provide('baseUrl', baseUrl);
  project.provide('ddbEndpoint', dynamo.endpoint);
  project.provide('tableName', tableName);
  project.provide('serverLogPath', serverLogPath);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    log.end();
    await dynamo.stop();
  };
}
