import { NestedStack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { RegistryAlarms, type RegistryAlarmsProps } from './alarms.ts';
import { RegistryDashboard, type RegistryDashboardProps } from './dashboard.ts';

export interface OperationsStackProps {
  alarms: RegistryAlarmsProps;
  dashboard: RegistryDashboardProps;
}

/**
 * What operators watch: the alarms and their topic, and the dashboard. A nested stack of the registry
 * stack, so that these ~55 resources do not count against the main stack's budget (CloudFormation's
 * 500, the infra test's 300): still one `cdk deploy` and one rollback unit; CDK passes the functions,
 * queues, API, table and data key they need as nested-stack parameters (no exports, which would lock
 * the names they point at). The table's backups stay in the main stack: cdk-nag's NIST
 * DynamoDBInBackupPlan looks for the table's backup selection in the table's own stack.
 */
export class OperationsStack extends NestedStack {
  readonly alarms: RegistryAlarms;
  readonly dashboard: RegistryDashboard;

  constructor(scope: Construct, id: string, props: OperationsStackProps) {
    super(scope, id, { description: 'Talent Registry: alarms and dashboard' });
    this.alarms = new RegistryAlarms(this, 'Alarms', props.alarms);
    this.dashboard = new RegistryDashboard(this, 'Dashboard', props.dashboard);
  }
}
