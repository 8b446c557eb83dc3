import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Bucket, IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { grantObjectAccess, protectedBucket } from './data-key.ts';
import type { RegistryFunction } from './registry-function.ts';

/** The one object the read model keeps (shared/db/search-snapshots.ts). */
export const searchSnapshotKey = 'search/expert-index.json.gz';

export interface SearchSnapshotsProps {
  removalPolicy: RemovalPolicy;
  /** Where S3 writes the bucket's access logs (the site's private log bucket). */
  accessLogsBucket: IBucket;
}

/**
 * The search read model's snapshot (docs/search-read-model.md): a private, encrypted, versioned
 * bucket reachable only over TLS, holding one gzipped object that the stream-driven builder
 * writes and the search function group reads at cold start. It is derived data (rebuilt from the
 * table at any time), so old versions are kept only a week.
 */
export class SearchSnapshots extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: SearchSnapshotsProps) {
    super(scope, id);
    // The snapshot holds names, fields and employers (personal data): the stack's data key.
    this.bucket = protectedBucket(this, 'Bucket', {
      removalPolicy: props.removalPolicy,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'search-snapshot-bucket/',
      lifecycleRules: [
        {
          noncurrentVersionExpiration: Duration.days(7),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      noReplicationBecause:
        'The snapshot is derived data: the builder rebuilds it from the table (which has its backups) ' +
        'at any time, and without it a cold instance reads the listings from the table.',
    });
  }

  /**
   * Read access (the search group) or read and write (the builder) to the snapshot object only,
   * and ListBucket on the bucket so that a missing snapshot is a 404, not a 403.
   */
  bind(fn: RegistryFunction, access: 'read' | 'readwrite'): void {
    fn.function.addEnvironment('SEARCH_SNAPSHOT_BUCKET', this.bucket.bucketName);
    grantObjectAccess(this, fn.role, [this.bucket.arnForObjects(searchSnapshotKey)], access);
    fn.role.addToPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
    );
  }
}
