import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { type KeyAttribute, tableDefinition } from '#shared/db/table';
import { dataKey } from './data-key.ts';

export interface RegistryTableProps {
  /** RETAIN (with deletion protection) in production, DESTROY in a dev stack. */
  removalPolicy: RemovalPolicy;
}

const attributeType = (key: KeyAttribute) => ({
  name: key.name,
  type: key.type === 'N' ? AttributeType.NUMBER : AttributeType.STRING,
});

/**
 * The registry's one table, built from the same definition as the local server's CreateTable
 * (shared/db/table.ts), so the two cannot drift.
 */
export class RegistryTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: RegistryTableProps) {
    super(scope, id);
    const def = tableDefinition;

    this.table = new Table(this, 'Table', {
      partitionKey: attributeType(def.partitionKey),
      sortKey: attributeType(def.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: def.timeToLiveAttribute,
      stream: StreamViewType[def.streamViewType],
      // The stack's customer-managed key: its policy, not AWS's, says who may read the register.
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: dataKey(this),
      // Expert profiles cannot be recreated: only a dev stack may lose them.
      deletionProtection: props.removalPolicy !== RemovalPolicy.DESTROY,
      removalPolicy: props.removalPolicy,
    });

    for (const index of def.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attributeType(index.partitionKey),
        sortKey: attributeType(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
