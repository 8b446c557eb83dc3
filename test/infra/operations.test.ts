/**
 * Issue 14, "run it like a system of record": backups beyond PITR, one customer-managed key,
 * reserved concurrency, dead-letter destinations and throttle alarms, log retention.
 */

import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  concurrencyLimits,
  functionGroups,
  scheduledJobs,
  streamConsumers,
  usedFunctionGroups,
} from '#shared/routes';
import { groupConstructId } from '../../infra/constructs/api.ts';
import { constructIdFor } from '../../infra/constructs/registry-function.ts';
import { removeSynthOutput, type Synthesized, synthRegistry } from './synth.ts';

// biome-ignore lint/suspicious/noExplicitAny: template JSON has no static shape worth modelling here.
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

let main: Synthesized;
let withCopy: Synthesized;
let dev: Synthesized;
let resources: Record<string, Resource>;
/** The operations nested stack's resources (alarms, topic), parameters resolved to the parent's ids. */
let operations: Record<string, Resource>;

beforeAll(() => {
  const webDistPath = path.join(tmpdir(), 'talent-registry-web-not-built');
  main = synthRegistry({ stackProps: { webDistPath } });
  resources = main.template.toJSON().Resources;
  operations = main.operations.resources as Record<string, Resource>;
  withCopy = synthRegistry({ context: { backupCopyRegion: 'ap-northeast-1' }, stackProps: { webDistPath } });
  dev = synthRegistry({ context: { dev: 'true' }, stackProps: { webDistPath } });
});

afterAll(() => removeSynthOutput());

const ofType = (type: string, from = resources) =>
  Object.entries(from).filter(([, resource]) => resource.Type === type) as [string, Resource][];
const only = (type: string, from = resources) => {
  const found = ofType(type, from);
  expect(found, type).toHaveLength(1);
  return found[0];
};
const idStartingWith = (prefix: string, type: string) => {
  const found = ofType(type).filter(([id]) => id.startsWith(prefix));
  expect(found, prefix).toHaveLength(1);
  return found[0][0];
};
const dataKeyArn = () => ({ 'Fn::GetAtt': [idStartingWith('DataKey', 'AWS::KMS::Key'), 'Arn'] });
const functionId = (prefix: string) => idStartingWith(prefix, 'AWS::Lambda::Function');
const groupFunctionId = (group: string) => functionId(`Api${groupConstructId(group as never)}Function`);

describe('backups beyond point-in-time recovery', () => {
  it('back the table up daily (kept 35 days) and monthly (kept a year) into the vault', () => {
    const [, plan] = only('AWS::Backup::BackupPlan');
    const [vaultId] = only('AWS::Backup::BackupVault');
    const rules = plan.Properties.BackupPlan.BackupPlanRule;
    expect(rules.map((rule: Record<string, unknown>) => [rule.ScheduleExpression, rule.Lifecycle])).toEqual([
      ['cron(0 18 * * ? *)', { DeleteAfterDays: 35 }],
      ['cron(0 19 1 * ? *)', { DeleteAfterDays: 365 }],
    ]);
    for (const rule of rules) {
      expect(rule.TargetBackupVault).toEqual({ 'Fn::GetAtt': [vaultId, 'BackupVaultName'] });
      expect(rule.CopyActions ?? []).toEqual([]);
    }
    const [, selection] = only('AWS::Backup::BackupSelection');
    const [tableId] = only('AWS::DynamoDB::Table');
    expect(selection.Properties.BackupSelection.Resources).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
  });

  it('keep the vault locked, encrypted with its own rotating key, and retained', () => {
    const [, vault] = only('AWS::Backup::BackupVault');
    expect(vault.Properties.LockConfiguration).toEqual({
      MinRetentionDays: 35,
      MaxRetentionDays: 366,
      ChangeableForDays: 3,
    });
    expect(vault.DeletionPolicy).toBe('Retain');
    const vaultKeyId = vault.Properties.EncryptionKeyArn['Fn::GetAtt'][0];
    expect(vaultKeyId).not.toEqual(dataKeyArn()['Fn::GetAtt'][0]);
    expect(resources[vaultKeyId].Properties.EnableKeyRotation).toBe(true);
  });

  it('leave a dev vault in governance mode, so that a dev stack can be torn down', () => {
    const [, vault] = only('AWS::Backup::BackupVault', dev.template.toJSON().Resources);
    expect(vault.Properties.LockConfiguration.ChangeableForDays).toBeUndefined();
    expect(vault.DeletionPolicy).toBe('Delete');
  });

  it('copy every recovery point to the vault of a second region given as context', () => {
    const [, plan] = only('AWS::Backup::BackupPlan', withCopy.template.toJSON().Resources);
    for (const rule of plan.Properties.BackupPlan.BackupPlanRule) {
      expect(rule.CopyActions).toHaveLength(1);
      expect(JSON.stringify(rule.CopyActions[0].DestinationBackupVaultArn)).toContain(
        ':backup:ap-northeast-1:',
      );
      expect(rule.CopyActions[0].Lifecycle).toEqual(rule.Lifecycle);
    }
  });
});

describe('the data key', () => {
  it('is one customer-managed key with rotation, kept when the stack goes', () => {
    const dataKey = resources[idStartingWith('DataKey', 'AWS::KMS::Key')];
    expect(dataKey.Properties.EnableKeyRotation).toBe(true);
    expect(dataKey.DeletionPolicy).toBe('Retain');
    // The data key and the vault's own key; nothing else brings a key of its own.
    expect(ofType('AWS::KMS::Key')).toHaveLength(2);
  });

  it('names in its policy who may use it: logs of this account, CloudWatch and EventBridge of this account', () => {
    const policy = resources[idStartingWith('DataKey', 'AWS::KMS::Key')].Properties.KeyPolicy.Statement as {
      Sid?: string;
      Principal: Record<string, unknown>;
      Condition?: Record<string, Record<string, unknown>>;
    }[];
    const logs = policy.find((s) => s.Sid === 'CloudWatchLogsOfThisAccount');
    expect(JSON.stringify(logs?.Principal)).toContain('logs.');
    expect(logs?.Condition?.ArnLike).toHaveProperty(['kms:EncryptionContext:aws:logs:arn']);
    const services = policy.find((s) => s.Sid === 'AlarmsAndSchedulesOfThisAccount');
    expect(services?.Principal.Service).toEqual(['cloudwatch.amazonaws.com', 'events.amazonaws.com']);
    expect(services?.Condition?.StringEquals).toHaveProperty(['aws:SourceAccount']);
  });

  it('encrypts the table, every log group, every queue and the alarm topic', () => {
    const [, table] = only('AWS::DynamoDB::Table');
    expect(table.Properties.SSESpecification.KMSMasterKeyId).toEqual(dataKeyArn());
    const logGroups = ofType('AWS::Logs::LogGroup');
    expect(logGroups.length).toBeGreaterThan(0);
    for (const [id, group] of logGroups) expect(group.Properties.KmsKeyId, id).toEqual(dataKeyArn());
    const queues = ofType('AWS::SQS::Queue');
    expect(queues).toHaveLength(2);
    for (const [id, queue] of queues) expect(queue.Properties.KmsMasterKeyId, id).toEqual(dataKeyArn());
    const [, topic] = only('AWS::SNS::Topic', operations);
    expect(topic.Properties.KmsMasterKeyId).toEqual(dataKeyArn());
  });

  it('is usable by the function roles through their own policies: decrypt to read, encrypt to write', () => {
    const policies = ofType('AWS::IAM::Policy').map(([, p]) => p.Properties);
    const keyActionsOf = (fnId: string) => {
      const roleId = resources[fnId].Properties.Role['Fn::GetAtt'][0];
      return policies
        .filter((p) => p.Roles.some((r: { Ref: string }) => r.Ref === roleId))
        .flatMap((p) => p.PolicyDocument.Statement)
        .filter((s: { Resource: unknown }) => JSON.stringify(s.Resource) === JSON.stringify(dataKeyArn()))
        .flatMap((s: { Action: string | string[] }) => [s.Action].flat());
    };
    expect(keyActionsOf(groupFunctionId('search'))).toEqual(['kms:Decrypt']);
    expect(keyActionsOf(groupFunctionId('me'))).toEqual(
      expect.arrayContaining(['kms:Decrypt', 'kms:Encrypt']),
    );
  });

  it('encrypts the WAF request log in the edge stack with a key of its own region, kept a year', () => {
    const edge = main.app.node.findChild('TalentRegistryEdge');
    const edgeTemplate = main.app
      .synth()
      .getStackByName((edge as { stackName?: string }).stackName ?? 'TalentRegistryEdge').template;
    const edgeResources = edgeTemplate.Resources as Record<string, Resource>;
    const [, logGroup] = only('AWS::Logs::LogGroup', edgeResources);
    expect(logGroup.Properties).toMatchObject({
      LogGroupName: 'aws-waf-logs-talent-registry',
      RetentionInDays: 365,
    });
    const [keyId, key] = only('AWS::KMS::Key', edgeResources);
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(logGroup.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    const [, logging] = only('AWS::WAFv2::LoggingConfiguration', edgeResources);
    expect(logging.Properties.RedactedFields).toEqual(
      expect.arrayContaining([{ SingleHeader: { Name: 'authorization' } }, { QueryString: {} }]),
    );
  });
});

describe('limits', () => {
  it('reserve the concurrency of shared/routes.ts for every route group, stream consumer and job', () => {
    const reserved = (fnId: string) => resources[fnId].Properties.ReservedConcurrentExecutions;
    for (const group of usedFunctionGroups()) {
      expect(reserved(groupFunctionId(group)), group).toBe(
        concurrencyLimits.routeGroups[group] ?? concurrencyLimits.routeGroupDefault,
      );
    }
    for (const consumer of streamConsumers) {
      expect(reserved(functionId(`Mail${constructIdFor(consumer.handler)}Function`)), consumer.handler).toBe(
        concurrencyLimits.streamConsumers[consumer.handler] ?? concurrencyLimits.streamConsumerDefault,
      );
    }
    for (const job of scheduledJobs) {
      expect(reserved(functionId(`Jobs${constructIdFor(job.handler)}Function`))).toBe(1);
    }
    const total = ofType('AWS::Lambda::Function')
      .map(([, fn]) => fn.Properties.ReservedConcurrentExecutions ?? 0)
      .reduce((a, b) => a + b, 0);
    // The account's default 1,000, of which Lambda keeps 100 unreserved: far from all of it.
    expect(total).toBeLessThanOrEqual(200);
    expect(Object.keys(functionGroups).length).toBeGreaterThan(0);
  });

  it('send failed scheduled runs to an encrypted dead-letter queue, from Lambda and from EventBridge', () => {
    const queueId = idStartingWith('JobsDeadLetterQueue', 'AWS::SQS::Queue');
    const queueArn = { 'Fn::GetAtt': [queueId, 'Arn'] };
    for (const job of scheduledJobs) {
      const fnId = functionId(`Jobs${constructIdFor(job.handler)}Function`);
      expect(resources[fnId].Properties.DeadLetterConfig).toEqual({ TargetArn: queueArn });
      const [, rule] = ofType('AWS::Events::Rule').find(
        ([, r]) => r.Properties.Targets[0].Arn['Fn::GetAtt'][0] === fnId,
      ) as [string, Resource];
      expect(rule.Properties.Targets[0].DeadLetterConfig).toEqual({ Arn: queueArn });
    }
  });

  it('park failed stream batches in the mail dead-letter queue (every consumer)', () => {
    const queueArn = { 'Fn::GetAtt': [idStartingWith('MailDeadLetterQueue', 'AWS::SQS::Queue'), 'Arn'] };
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(streamConsumers.length);
    for (const [id, mapping] of mappings) {
      expect(mapping.Properties.DestinationConfig, id).toEqual({ OnFailure: { Destination: queueArn } });
    }
  });

  it('alarm when any function is throttled, and when a dead-letter queue holds anything', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm', operations).map(([, a]) => a.Properties);
    const throttled = alarms
      .flatMap((alarm) => alarm.Metrics ?? [])
      .filter(
        (m: { MetricStat?: { Metric: { MetricName: string } } }) =>
          m.MetricStat?.Metric.MetricName === 'Throttles',
      )
      .map(
        (m: { MetricStat: { Metric: { Dimensions: { Value: { Ref: string } }[] } } }) =>
          m.MetricStat.Metric.Dimensions[0].Value.Ref,
      );
    const registryFunctions = ofType('AWS::Lambda::Function')
      .filter(([, fn]) => fn.Properties.Runtime === 'nodejs22.x')
      .map(([id]) => id);
    expect(throttled.sort()).toEqual(registryFunctions.sort());
    const deadLetters = alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(deadLetters.map((a) => a.Dimensions[0].Value['Fn::GetAtt'][0]).sort()).toEqual(
      ofType('AWS::SQS::Queue')
        .map(([id]) => id)
        .sort(),
    );
  });
});

describe('retention', () => {
  it('keeps the API access log and every function log (access log lines, audit-related events) a year', () => {
    const stage = only('AWS::ApiGatewayV2::Stage')[1];
    const accessLogId = stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    expect(resources[accessLogId].Properties.RetentionInDays).toBe(365);
    for (const [id, fn] of ofType('AWS::Lambda::Function').filter(
      ([, f]) => f.Properties.Runtime === 'nodejs22.x',
    )) {
      expect(resources[fn.Properties.LoggingConfig.LogGroup.Ref].Properties.RetentionInDays, id).toBe(365);
    }
  });
});
