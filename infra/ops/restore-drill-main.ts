/**
 * `npm run restore-drill`: the restore drill of infra/ops/restore-drill.ts from the command line.
 * Locally against the local stack's DynamoDB (`npm start` keeps it in .data/dynamodb); on AWS
 * after a point-in-time restore (README "Operations").
 */
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localClient, replayIntoRestoredTable, runRestoreDrill } from './restore-drill.ts';

const usage = `Usage: npm run restore-drill -- [options]

Locally (default): export the table (Scan), restore it into a new table, replay the erasure
tombstones, compare counts and a sample of items, drop the new table.
  --table NAME            the source table (default $TABLE_NAME or talent-registry)
  --endpoint URL          DynamoDB (default $AWS_ENDPOINT_URL_DYNAMODB, else http://127.0.0.1:8000,
                          else DynamoDB Local started here on the data of npm start, .data/dynamodb)
  --sample N              items compared one by one (default 50)
  --keep                  keep the restored table

On AWS, after restoring the table to a point in time into a new table (README "Operations"):
  --aws --table LIVE --restored-table RESTORED
                          replay LIVE's tombstones into RESTORED, then compare the two.`;

const { values: args } = parseArgs({
  options: {
    table: { type: 'string' },
    endpoint: { type: 'string' },
    sample: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
    aws: { type: 'boolean', default: false },
    'restored-table': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const log = (line: string) => console.log(line);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function reachable(client: DynamoDBClient): Promise<string[] | undefined> {
  try {
    return (await client.send(new ListTablesCommand({}))).TableNames ?? [];
  } catch {
    return undefined;
  }
}

async function main(): Promise<boolean> {
  const sourceTable = args.table ?? process.env.TABLE_NAME ?? 'talent-registry';
  const sampleSize = Number(args.sample);

  if (args.aws) {
    const restoredTable = args['restored-table'];
    if (!restoredTable) throw new Error('--aws needs --restored-table (the table AWS restored into)');
    const report = await replayIntoRestoredTable({
      client: new DynamoDBClient({}),
      sourceTable,
      restoredTable,
      sampleSize,
      log,
    });
    console.log(JSON.stringify(report, null, 2));
    return report.passed;
  }

  // As npm start does: DynamoDB Local takes any credentials, but the SDK wants some and a region.
  process.env.AWS_REGION ??= 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let stop: (() => Promise<void>) | undefined;
  let endpoint = args.endpoint ?? process.env.AWS_ENDPOINT_URL_DYNAMODB ?? 'http://127.0.0.1:8000';
  let client = localClient(endpoint);
  let tables = await reachable(client);
  if (!tables && !args.endpoint && !process.env.AWS_ENDPOINT_URL_DYNAMODB) {
    // npm start is not running: open its data directly.
    const { startDynamoDbLocal } = await import('../local/dynamodb-local.ts');
    const dynamo = await startDynamoDbLocal({ port: await freePort(), dataDir: '.data/dynamodb' });
    stop = dynamo.stop;
    endpoint = dynamo.endpoint;
    client = localClient(endpoint);
    tables = await reachable(client);
    log(`DynamoDB Local started on ${endpoint} with the local stack's data (.data/dynamodb)`);
  }
  try {
    if (!tables) throw new Error(`No DynamoDB at ${endpoint}`);
    if (!tables.includes(sourceTable))
      throw new Error(`${endpoint} has no table ${sourceTable}; run \`npm start\` once to create it`);
    const report = await runRestoreDrill({
      client,
      sourceTable,
      sampleSize,
      dropRestored: !args.keep,
      log,
    });
    console.log(
      report.passed ? 'Restore drill passed.' : `Restore drill FAILED: ${JSON.stringify(report, null, 2)}`,
    );
    return report.passed;
  } finally {
    await stop?.();
  }
}

if (args.help) {
  console.log(usage);
} else {
  main().then(
    (passed) => process.exit(passed ? 0 : 1),
    (error: Error) => {
      console.error(error.message);
      process.exit(2);
    },
  );
}
