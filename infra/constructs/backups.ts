import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  BackupPlan,
  type BackupPlanCopyActionProps,
  BackupPlanRule,
  BackupResource,
  BackupVault,
} from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface TableBackupsProps {
  table: ITable;
  /** A dev stack: the vault is deleted with the stack and its lock stays in governance mode. */
  dev: boolean;
  /** Copy every recovery point to a vault of this name in this region (context `backupCopyRegion`). */
  copyRegion?: string;
}

/** Retention of the two backup rules; the vault lock refuses anything outside these bounds. */
export const backupRetention = { daily: Duration.days(35), monthly: Duration.days(365) };
/** The vault a copy lands in, in `copyRegion` (create it there first; README "Operations"). */
export const backupCopyVaultName = 'talent-registry-copy';

/**
 * Backups beyond point-in-time recovery: AWS Backup takes a daily backup of the table, kept 35
 * days, and a monthly one, kept a year, into a vault encrypted with its own key and locked so that
 * no one (not even the account root, once the lock is in compliance mode) deletes a recovery point
 * before its time. Optionally every recovery point is copied to a second region.
 */
export class TableBackups extends Construct {
  readonly vault: BackupVault;
  readonly vaultKey: Key;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: TableBackupsProps) {
    super(scope, id);
    const removalPolicy = props.dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    // Its own key: losing or disabling the data key must not take the backups with it.
    this.vaultKey = new Key(this, 'VaultKey', {
      description: 'Talent Registry backup vault',
      enableKeyRotation: true,
      pendingWindow: Duration.days(props.dev ? 7 : 30),
      removalPolicy,
    });
    this.vault = new BackupVault(this, 'Vault', {
      encryptionKey: this.vaultKey,
      removalPolicy,
      lockConfiguration: {
        minRetention: backupRetention.daily,
        maxRetention: backupRetention.monthly.plus(Duration.days(1)),
        // In production the lock turns into compliance mode (irrevocable) after a 3-day grace
        // period; a dev stack keeps governance mode so that it can be torn down.
        changeableFor: props.dev ? undefined : Duration.days(3),
      },
    });

    const copyActions = (deleteAfter: Duration): BackupPlanCopyActionProps[] =>
      props.copyRegion
        ? [
            {
              destinationBackupVault: BackupVault.fromBackupVaultArn(
                this,
                `CopyVault${deleteAfter.toDays()}`,
                Stack.of(this).formatArn({
                  service: 'backup',
                  region: props.copyRegion,
                  resource: 'backup-vault',
                  resourceName: backupCopyVaultName,
                  arnFormat: ArnFormat.COLON_RESOURCE_NAME,
                }),
              ),
              deleteAfter,
            },
          ]
        : [];

    // Times in UTC: 18:00 and 19:00 UTC are 01:00 and 02:00 in Vietnam, the quietest hours.
    this.plan = new BackupPlan(this, 'Plan', {
      backupPlanName: `${Stack.of(this).stackName}-table`,
      backupVault: this.vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'Daily35Days',
          scheduleExpression: Schedule.cron({ hour: '18', minute: '0' }),
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(8),
          deleteAfter: backupRetention.daily,
          copyActions: copyActions(backupRetention.daily),
        }),
        new BackupPlanRule({
          ruleName: 'Monthly1Year',
          scheduleExpression: Schedule.cron({ day: '1', hour: '19', minute: '0' }),
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(8),
          deleteAfter: backupRetention.monthly,
          copyActions: copyActions(backupRetention.monthly),
        }),
      ],
    });
    const selection = this.plan.addSelection('Table', {
      resources: [BackupResource.fromDynamoDbTable(props.table)],
      allowRestores: true,
    });
    // The table is encrypted with the data key: AWS Backup reads it with this role.
    props.table.encryptionKey?.grant(
      selection.grantPrincipal,
      'kms:Decrypt',
      'kms:DescribeKey',
      'kms:CreateGrant',
    );

    Validations.of(selection).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        reason:
          "AWS Backup's own service-role policy for taking backups, maintained by AWS as the service " +
          'changes; the role can be assumed only by backup.amazonaws.com and the plan selects one table.',
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores]',
        reason:
          "AWS Backup's own service-role policy for restores (a restore drill restores into a new " +
          'table); assumable only by backup.amazonaws.com.',
      },
      {
        id: 'NIST.800.53.R5-IAMNoInlinePolicy',
        reason:
          'The backup role is used by this one selection; its inline policy only lets it use the ' +
          "table's data key (decrypt, create a grant for DynamoDB's backup) — a one-to-one policy.",
      },
    );
  }
}
