/**
 * Report snapshots: REPORT#id / REPORT, listed newest first in GSI2 under REPORTS. A snapshot is
 * put once (`attribute_not_exists`) and never updated: no code path writes it again, so its
 * figures stay what they were at the cut-off.
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import type { Report, ReportSummary } from '../domain/report.ts';
import { dynamo, tableName } from './client.ts';
import { pick } from './items.ts';
import { queryPage } from './paged-query.ts';
import type { TransactItem } from './transaction.ts';

export const reportKeys = {
  report: (id: string) => ({ PK: `REPORT#${id}`, SK: 'REPORT' }),
  all: 'REPORTS',
};

const summaryFields = ['id', 'title', 'periodFrom', 'periodTo', 'cutOff', 'createdAt'] as const;
const reportFields = [
  ...summaryFields,
  'periodRegistrations',
  'createdBy',
  'statistics',
  'targets',
] as const satisfies readonly (keyof Report)[];

/** The snapshot with what the service adds (the audit event), in one transaction. */
export async function putReport(report: Report, extraWrites: TransactItem[]): Promise<void> {
  await dynamo.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...reportKeys.report(report.id),
              GSI2PK: reportKeys.all,
              GSI2SK: `${report.createdAt}#${report.id}`,
              type: 'report',
              ...report,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        ...extraWrites,
      ],
    }),
  );
}

export async function getReport(id: string): Promise<Report | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: reportKeys.report(id), ConsistentRead: true }),
  );
  return Item && pick<Report>(Item, reportFields);
}

export async function queryReports(q: { limit?: string; cursor?: string }): Promise<Page<ReportSummary>> {
  const { items, nextCursor } = await queryPage(
    { index: 'GSI2', partition: reportKeys.all, newestFirst: true },
    pageLimit(q.limit),
    q.cursor,
    (item) => pick<ReportSummary>(item, summaryFields),
  );
  return { items, nextCursor };
}
