import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Annotations, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { originVerifyHeader } from '#shared/http/origin';
import { withEmbeddedMeta } from '../app-shell.ts';
import { repoRoot } from '../bundling.ts';
import { acknowledgeDeploymentTimeFunction, encryptedLogGroup } from './data-key.ts';

export interface SiteProps {
  /** Served under /api/* on the same origin, so the browser needs no CORS. */
  httpApi: IHttpApi;
  /** DESTROY (emptying the buckets) in a dev stack, RETAIN otherwise. */
  removalPolicy: RemovalPolicy;
  /** Sent to the API as `x-origin-verify`: requests without it did not come through CloudFront. */
  originVerifySecret: string;
  /** The AWS WAF web ACL (CloudFront scope, from the us-east-1 edge stack) in front of everything. */
  webAclArn: string;
}

// Client-side routes (/register, /me, /hr/demands/42) have no file extension; they all get the
// app shell. Done here rather than with CloudFront error responses, which apply to every
// behaviour and would turn the API's own 403/404 JSON errors into index.html with status 200.
const spaRoutingCode = `
function handler(event) {
  var request = event.request;
  var lastSegment = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}
`;

/**
 * The web app and the API on one origin: a private bucket behind CloudFront with Origin Access
 * Control, `/api/*` passed through uncached to the HTTP API, security headers on every response.
 */
export class Site extends Construct {
  private readonly removalPolicy: RemovalPolicy;
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  /** https://<distribution>.cloudfront.net: the APP_URL of mail links. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    this.removalPolicy = props.removalPolicy;
    const destroyWithStack = props.removalPolicy === RemovalPolicy.DESTROY;

    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logging writes through an ACL grant, which needs ACLs enabled.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      // Access logs hold visitors' IP addresses: kept the year the province keeps access logs for,
      // no longer. Versioned, so a deleted or overwritten log stays recoverable for 30 days.
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(366), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: destroyWithStack,
    });

    Validations.of(this.logBucket).acknowledge(
      {
        id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
        reason:
          'S3 server access logging delivers only to buckets encrypted with S3-managed keys (SSE-S3); ' +
          'SSE-KMS is not supported for a server access log destination. Logs are private (blocked ' +
          'public access, TLS only) and hold no registry data, only request metadata.',
      },
      {
        id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
        reason:
          'Access logs are kept for investigations of the last year; a copy in a second region would ' +
          "double the places that hold visitors' IP addresses without protecting registry data.",
      },
    );

    this.bucket = new Bucket(this, 'WebApp', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'web-app-bucket/',
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: destroyWithStack,
    });

    Validations.of(this.bucket).acknowledge(
      {
        id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
        reason:
          'The bucket holds only the public web app (HTML, JS, CSS built from the repository), no ' +
          'personal data: everything in it is served to any visitor. CloudFront reads it through ' +
          'Origin Access Control; SSE-S3 avoids giving CloudFront the use of the data key.',
      },
      {
        id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
        reason:
          'Its content is rebuilt from the repository by every deployment (npm run build:web, cdk ' +
          'deploy), in any region; a replica would add nothing a redeploy does not.',
      },
    );

    const region = Stack.of(this).region;
    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Talent Registry security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          // The app talks to its own /api and, for staff sign-in, to Cognito; styles may be inline
          // (component libraries inject them), scripts may not.
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            // Discovery and JWKS on cognito-idp, the token endpoint on the managed login's domain.
            `connect-src 'self' https://cognito-idp.${region}.amazonaws.com https://*.auth.${region}.amazoncognito.com`,
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });

    const spaRouting = new EdgeFunction(this, 'SpaRouting', {
      code: FunctionCode.fromInline(spaRoutingCode),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for client-side routes',
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Talent Registry',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // Honours the objects' own Cache-Control (set by the deployment below) and compresses.
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(`${props.httpApi.apiId}.execute-api.${region}.amazonaws.com`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            customHeaders: { [originVerifyHeader]: props.originVerifySecret },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: apiCachePolicy(this),
          // Every other viewer header, cookie and query string reaches the API too; the Host header
          // is the one exception, API Gateway routes by its own host name.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          compress: true,
          responseHeadersPolicy: securityHeaders,
        },
      },
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'distribution/',
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction on purpose: the registry recruits experts who live overseas and natives ' +
          'of the province abroad (Resolution 45-NQ/TW), so the form must be reachable from any country.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The distribution uses the default *.cloudfront.net certificate, whose TLS security policy ' +
          'CloudFront fixes; a minimum of TLSv1.2_2021 becomes configurable with the custom domain and ' +
          'ACM certificate the province will attach.',
      },
    );
  }

  /**
   * Copies the built web app into the bucket, if it has been built, in two deployments: the hashed
   * assets, which a browser may keep for a year without asking (a new build has new names), and
   * the rest (the app shell with `meta` embedded, robots.txt, the icon), which it revalidates on
   * every visit. The build's .br/.gz siblings stay out: CloudFront compresses here.
   */
  deployWebApp(props: { meta: unknown; webDistPath?: string }): void {
    const webDist = props.webDistPath ?? path.join(repoRoot, 'web', 'dist');
    const indexHtml = path.join(webDist, 'index.html');
    if (!existsSync(indexHtml)) {
      Annotations.of(this).addWarningV2(
        'talent-registry:web-app-not-built',
        `${webDist}/index.html does not exist, so the web app is not deployed; run \`npm run build:web\` first.`,
      );
      return;
    }
    const logGroup = encryptedLogGroup(this, 'WebAppDeploymentLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: this.removalPolicy,
    });
    const precompressed = ['*.br', '*.gz'];
    const assets = path.join(webDist, 'assets');
    if (existsSync(assets)) {
      new BucketDeployment(this, 'WebAppAssets', {
        sources: [Source.asset(assets, { exclude: precompressed })],
        destinationBucket: this.bucket,
        destinationKeyPrefix: 'assets/',
        cacheControl: [
          CacheControl.setPublic(),
          CacheControl.maxAge(Duration.days(365)),
          CacheControl.immutable(),
        ],
        // The previous build's chunks stay: a page opened before this deployment still loads them.
        prune: false,
        logGroup,
      });
    }
    const deployment = new BucketDeployment(this, 'WebAppDeployment', {
      sources: [
        Source.asset(webDist, {
          exclude: [...precompressed, 'assets', 'assets/**', '.vite', '.vite/**', 'index.html'],
        }),
        // The province and the staff sign-in of this deployment, in the shell (infra/app-shell.ts).
        Source.data('index.html', withEmbeddedMeta(readFileSync(indexHtml, 'utf8'), props.meta)),
      ],
      destinationBucket: this.bucket,
      cacheControl: [CacheControl.noCache()],
      // Pruning here would delete the assets the other deployment wrote.
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      logGroup,
    });
    acknowledgeDeploymentHandler(deployment, this.bucket);
  }
}

/**
 * `/api/*` is never cached, yet compressed. CloudFront compresses only under a cache policy that
 * puts Accept-Encoding in the key, and a policy whose TTLs are all 0 may set no key at all; so
 * min 0 / default 0 / max 1 s. A minimum of 0 lets the API's `Cache-Control: no-store` (every API
 * response has it, shared/http/responses.ts) decide: nothing is stored. Authorization is in the
 * key besides: with caching possible, CloudFront forwards it to the origin only from the cache
 * key (an origin request policy may not carry it), and a key with the caller's token could never
 * serve one caller's answer to another even if an answer were stored.
 */
function apiCachePolicy(scope: Construct): CachePolicy {
  return new CachePolicy(scope, 'ApiCompressedUncached', {
    comment: 'Talent Registry /api/*: compressed, never cached (no-store from the API)',
    minTtl: Duration.seconds(0),
    defaultTtl: Duration.seconds(0),
    maxTtl: Duration.seconds(1),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
    headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
    queryStringBehavior: CacheQueryStringBehavior.all(),
    cookieBehavior: CacheCookieBehavior.none(),
  });
}

/**
 * BucketDeployment's custom resource (aws-s3-deployment) brings its own function and role; they run
 * only during `cdk deploy`, to copy the built web app from the CDK asset bucket into the site bucket.
 */
function acknowledgeDeploymentHandler(deployment: BucketDeployment, siteBucket: Bucket): void {
  // The role's scope is the handler function itself (a singleton at stack level).
  const handler = Validations.of(deployment.handlerRole.node.scope ?? deployment.handlerRole);
  const siteBucketId = Stack.of(siteBucket).getLogicalId(siteBucket.node.defaultChild as CfnBucket);
  handler.acknowledge(
    {
      id: 'AwsSolutions-L1',
      reason:
        "The runtime of CDK's own BucketDeployment handler is chosen and upgraded by aws-cdk-lib, " +
        'not by this project; it runs only during deployments.',
    },
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "aws-s3-deployment gives its handler role this managed policy for the handler's own logs; " +
        'the role is used only while a deployment copies the web app.',
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'BucketDeployment grants cloudfront:CreateInvalidation and GetInvalidation on "*" to invalidate ' +
        'the site after copying a new build; it is used only during deployments.',
    },
  );
  acknowledgeDeploymentTimeFunction(
    deployment.handlerRole.node.scope ?? deployment.handlerRole,
    'BucketDeployment',
  );
  const objectNamesChangeWithEveryBuild =
    'Granted by BucketDeployment (read on the CDK asset bucket, read-write on the site bucket): it ' +
    'reads the uploaded build and writes, overwrites and prunes any object of the web app, whose ' +
    'hashed file names change with every build.';
  for (const finding of [
    'Action::s3:GetBucket*',
    'Action::s3:GetObject*',
    'Action::s3:List*',
    'Action::s3:Abort*',
    'Action::s3:DeleteObject*',
    'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
    `Resource::<${siteBucketId}.Arn>/*`,
  ]) {
    handler.acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: objectNamesChangeWithEveryBuild });
  }
}
