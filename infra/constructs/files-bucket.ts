import { Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { type Bucket, type CfnBucket, HttpMethods, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { grantObjectAccess, protectedBucket } from './data-key.ts';
import type { RegistryFunction } from './registry-function.ts';

export interface RegistryFilesProps {
  /** Server access logs go here (the site's log bucket). */
  accessLogsBucket: IBucket;
  /** The web app's origin: browsers PUT uploads to and GET exports from the bucket's presigned URLs. */
  siteUrl: string;
  removalPolicy: RemovalPolicy;
}

/** Uploaded rosters stay a week (the dry run and commit read them); exports a day (links last 15 minutes). */
export const uploadRetentionDays = 7;
export const exportRetentionDays = 1;

/**
 * The bucket of uploaded rosters (`imports/`) and finished exports (`exports/`): private, encrypted,
 * TLS only, objects expiring on their own. Clients never get credentials: they upload and download
 * through presigned URLs that a function signs for one object, one method, 15 minutes.
 */
export class RegistryFiles extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: RegistryFilesProps) {
    super(scope, id);
    // Rosters are personal data: the stack's data key, versioned (old versions go a day later).
    this.bucket = protectedBucket(this, 'Bucket', {
      removalPolicy: props.removalPolicy,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'files-bucket/',
      lifecycleRules: [
        { id: 'uploads', prefix: 'imports/', expiration: Duration.days(uploadRetentionDays) },
        { id: 'exports', prefix: 'exports/', expiration: Duration.days(exportRetentionDays) },
        {
          id: 'incomplete-and-old-versions',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
          expiredObjectDeleteMarker: true,
        },
      ],
      cors: [
        {
          allowedOrigins: [props.siteUrl],
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedHeaders: ['content-type'],
          maxAge: 3600,
        },
      ],
      noReplicationBecause:
        'Uploads are kept 7 days and exports 1 day, only until the import or the download is done; ' +
        'the registry (the table, with its backups) is the record, and a lost upload is uploaded again.',
    });
  }

  /**
   * Object access for a function and FILES_BUCKET in its environment: `read` gets objects (the
   * import job reads uploads), `readwrite` also puts them (presigned uploads are signed with the
   * function's own role, and exports are written). Never list, delete the bucket or change its policy.
   */
  grant(fn: RegistryFunction, access: 'read' | 'readwrite'): void {
    fn.function.addEnvironment('FILES_BUCKET', this.bucket.bucketName);
    grantObjectAccess(this, fn.role, [this.bucket.arnForObjects('*')], access);
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
      reason:
        'Object keys are per import and per export (imports/<id>, exports/<id>.csv), created at run ' +
        'time, so the grant names the objects of this one bucket, not the bucket itself; no list, ' +
        'no delete, no bucket-level action.',
    });
  }
}
