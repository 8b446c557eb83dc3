/**
 * `npm start`: the whole registry on one machine. DynamoDB Local (or AWS_ENDPOINT_URL_DYNAMODB),
 * the table from the one definition, demo data on first run, the API and web app on one port,
 * the stream poller feeding the real outbox handler, and the dev mailbox.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { localClientId, oidcMountPath, staffScopes } from './oidc-provider.ts';

const usage = `Usage: npm start -- [options]   (or: tsx infra/local/main.ts [options])

  --in-memory        keep no data (DynamoDB Local -inMemory); default keeps it in .data/dynamodb
  --no-seed          do not load demo data into a new table
  --profiles N       demo profiles to generate on first run (default 300)
  --port N           HTTP port (default $PORT or 3000)
  --ddb-port N       DynamoDB Local port (default $DDB_PORT or 8000)
  --province ID      quang-ngai (default), kon-tum or son-la
  --help             this text

Environment: PORT, DDB_PORT, AWS_ENDPOINT_URL_DYNAMODB (use that DynamoDB; start none), TABLE_NAME.`;

const { values: args } = parseArgs({
  options: {
    'in-memory': { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
    profiles: { type: 'string', default: '300' },
    port: { type: 'string' },
    'ddb-port': { type: 'string' },
    province: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(usage);
  process.exit(0);
}

const port = Number(args.port ?? process.env.PORT ?? 3000);
const ddbPort = Number(args['ddb-port'] ?? process.env.DDB_PORT ?? 8000);
const host = args.host ?? '127.0.0.1';
const baseUrl = `http://${host}:${port}`;
const externalDynamo = process.env.AWS_ENDPOINT_URL_DYNAMODB;

// The handlers read their configuration at import: set it before anything imports them.
process.env.TABLE_NAME ??= 'talent-registry';
process.env.PROVINCE_ID = args.province ?? process.env.PROVINCE_ID ?? 'quang-ngai';
process.env.APP_URL ??= baseUrl;
process.env.MAIL_TRANSPORT = 'dev';
process.env.AWS_REGION ??= 'ap-southeast-1';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.POWERTOOLS_SERVICE_NAME ??= 'talent-registry-local';
// What the web app reads at run time (GET /api/meta), as the stack sets it for Cognito: the
// local OpenID provider (infra/local/oidc-provider.ts) under /oidc.
process.env.STAFF_OIDC_ISSUER = `${baseUrl}${oidcMountPath}`;
process.env.STAFF_OIDC_CLIENT_ID = localClientId;
process.env.STAFF_OIDC_SCOPES = staffScopes;
// Uploaded rosters and exports (the S3 bucket's part locally): kept with the data, or thrown away.
process.env.FILES_DIR ??= args['in-memory']
  ? join(tmpdir(), `talent-registry-files-${process.pid}`)
  : '.data/files';
// Lambda runs Node 22; a developer's Node 20 is fine for the local stack.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Locally the stream poller runs the consumers one after another, so a snapshot build delays
// mail; the change log keeps search current between builds anyway.
process.env.SEARCH_SNAPSHOT_MIN_INTERVAL_SECONDS ??= '600';
// The search snapshot: S3 in AWS, a local folder here (a fresh one when no data is kept).
process.env.SEARCH_SNAPSHOT_DIR ??= args['in-memory']
  ? mkdtempSync(join(tmpdir(), 'talent-registry-search-'))
  : '.data/search-snapshot';

async function main() {
  const { startDynamoDbLocal, ensureTable } = await import('./dynamodb-local.ts');
  let dynamo: Awaited<ReturnType<typeof startDynamoDbLocal>> | undefined;
  if (externalDynamo) {
    console.log(`DynamoDB: ${externalDynamo} (AWS_ENDPOINT_URL_DYNAMODB; not starting DynamoDB Local)`);
  } else {
    dynamo = await startDynamoDbLocal({
      port: ddbPort,
      dataDir: args['in-memory'] ? undefined : '.data/dynamodb',
    });
    process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamo.endpoint;
    console.log(
      `DynamoDB Local: ${dynamo.endpoint} (${args['in-memory'] ? 'in memory' : 'data in .data/dynamodb'})`,
    );
  }
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB as string;
  const tableName = process.env.TABLE_NAME as string;
  const created = await ensureTable(endpoint, tableName);

  if (created && !args['no-seed']) {
    const { seedDemoData } = await import('./seed.ts');
    const count = await seedDemoData({
      provinceId: process.env.PROVINCE_ID as string,
      profiles: Number(args.profiles),
    });
    console.log(`Demo data: ${count} generated profiles (not real people)`);
  }
  if (created) {
    // A new table: a snapshot left from an older one would describe other people.
    const { buildSearchSnapshot } = await import('#shared/app/search-read-model');
    await buildSearchSnapshot();
  }

  const { createLocalJwtAuthorizer } = await import('./jwt-authorizer.ts');
  const { createLocalOidcProvider, createSigningKey } = await import('./oidc-provider.ts');
  const { LocalStaffAccounts, demoPassword } = await import('./staff-accounts.ts');
  const { registryMeta } = await import('#shared/domain/meta');
  // Cognito's part: an OpenID provider with the demo staff accounts, whose tokens the local
  // authorizer verifies through its discovery document and JWKS.
  const firstAgency = registryMeta(process.env.PROVINCE_ID as string).province.agencies[0].id;
  const accounts = LocalStaffAccounts.withDemoAccounts(firstAgency);
  const signingKey = await createSigningKey();
  const oidc = createLocalOidcProvider({ baseUrl, accounts, signingKey });
  // Staff administration (GET/POST/PATCH /api/staff/users) manages these accounts here, as it
  // manages Cognito's user pool in AWS: the handlers run in this process and find the directory
  // installed, instead of the Cognito one that STAFF_USER_POOL_ID would name.
  const { installStaffDirectory } = await import('#shared/app/staff-directory');
  const { createLocalStaffDirectory } = await import('./local-staff-directory.ts');
  installStaffDirectory(
    createLocalStaffDirectory({
      accounts,
      consoleUrl: `${baseUrl}/staff/search`,
      signOutEverywhere: (sub) => oidc.endSessions(sub),
    }),
  );
  const authorizer = createLocalJwtAuthorizer({ issuer: oidc.issuer, audience: oidc.clientId, signingKey });
  const { createLocalServer, loadHandler, runScheduledJobs } = await import('./server.ts');
  const { startStreamPoller } = await import('./stream-poller.ts');
  // The poller starts after the server listens; until then there is nothing to drain.
  let drainStream: () => Promise<void> = async () => {};
  const server = createLocalServer({ port, host, authorizer, oidc, drainStream: () => drainStream() });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const poller = await startStreamPoller({
    endpoint,
    tableName,
    loadHandler: loadHandler as never,
    onError: (error) => console.error(`stream poller: ${error.name}: ${error.message}`),
  });
  drainStream = () => poller.drain();

  // EventBridge's schedule, compressed: deadlines (offer expiry, call closing) pass by themselves.
  const sweepSeconds = Number(process.env.SWEEP_SECONDS ?? 60);
  const sweeper = setInterval(() => {
    runScheduledJobs().catch((error: Error) =>
      console.error(`scheduled jobs: ${error.name}: ${error.message}`),
    );
  }, sweepSeconds * 1000);

  console.log(`
Talent Registry is running
  Web app        ${baseUrl}/
  Register       ${baseUrl}/register
  Staff console  ${baseUrl}/staff/search   (signs in at the local OpenID provider)
  API            ${baseUrl}/api/health   ${baseUrl}/api/openapi.json
  Dev mailbox    ${baseUrl}/dev/outbox?to=<email>
  OpenID issuer  ${oidc.issuer}   (${oidc.issuer}/.well-known/openid-configuration)
  Staff accounts hr@example.gov.vn (hr, ${firstAgency}) · admin@example.gov.vn (admin)
                 password: ${demoPassword}
Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    clearInterval(sweeper);
    server.closeAllConnections();
    server.close();
    await poller.stop().catch(() => undefined);
    await dynamo?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
