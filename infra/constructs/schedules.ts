import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { concurrencyLimits, type ScheduledJob } from '#shared/routes';
import { deadLetterQueue } from './data-key.ts';
import {
  constructIdFor,
  handlerEntry,
  type RegistryEnvironment,
  RegistryFunction,
} from './registry-function.ts';

export interface ScheduledJobsProps {
  /** The scheduled jobs of shared/routes.ts; the local server runs the same ones on a timer. */
  jobs: readonly ScheduledJob[];
  table: ITable;
  environment: RegistryEnvironment;
  removalPolicy: RemovalPolicy;
}

/** Deadlines that pass by themselves (offers expire, calls close): one function and one EventBridge rule per job. */
export class ScheduledJobs extends Construct {
  /** One function per job, by handler module. */
  readonly functions = new Map<string, RegistryFunction>();
  /** Runs that failed (the event, as Lambda or EventBridge could not process it), for an operator. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);

    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue', {
      removalPolicy: props.removalPolicy,
      destinationOf: 'the scheduled jobs (failed runs, and events EventBridge could not deliver)',
    });

    for (const job of props.jobs) {
      const jobId = constructIdFor(job.handler);
      const jobFunction = new RegistryFunction(this, jobId, {
        entry: handlerEntry(job.handler),
        description: `Scheduled job, every ${job.everyMinutes} minutes`,
        environment: props.environment,
        // A run ends before the next one starts, so two sweeps never race.
        timeout: Duration.minutes(Math.min(job.everyMinutes, 15)),
        removalPolicy: props.removalPolicy,
        // One at a time: a sweep never overlaps itself.
        reservedConcurrency: concurrencyLimits.scheduledJob,
        deadLetterQueue: this.deadLetterQueue,
      });
      jobFunction.bindTable(props.table, { access: job.table, writesAudit: job.writesAudit ?? false });
      if (job.scansTable) {
        jobFunction.role.addToPrincipalPolicy(
          new PolicyStatement({ actions: ['dynamodb:Scan'], resources: [props.table.tableArn] }),
        );
      }
      // A failed run is not retried: the next run, minutes later, sweeps the same deadlines again.
      // A run still throttled after one interval is dropped into the dead-letter queue, not queued
      // behind the next run.
      jobFunction.function.configureAsyncInvoke({
        retryAttempts: 0,
        // Lambda keeps an async event at most 6 hours: a weekly job waits that long, no longer.
        maxEventAge: Duration.minutes(Math.min(Math.max(job.everyMinutes, 1), 360)),
      });

      new Rule(this, `${jobId}Schedule`, {
        description: `Runs ${job.handler} every ${job.everyMinutes} minutes`,
        schedule: Schedule.rate(Duration.minutes(job.everyMinutes)),
        targets: [new LambdaFunction(jobFunction.function, { deadLetterQueue: this.deadLetterQueue })],
      });
      this.functions.set(job.handler, jobFunction);
    }
  }
}
