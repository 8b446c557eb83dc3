import { ArnFormat, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { routes } from '#shared/routes';
import { encryptedLogGroup, isDevStack } from './constructs/data-key.ts';

/** Where the main stack (any region) finds the web ACL's ARN: SSM in us-east-1. */
export const webAclArnParameterName = '/talent-registry/cloudfront-web-acl-arn';

/** Requests per client IP in 5 minutes: everything, and the routes that mail someone. */
export const webAclLimits = { allRequests: 2000, mailingRoutes: 50 };

const rateLimitedBody = 'rate-limited';

const exactly = (
  fieldToMatch: CfnWebACL.FieldToMatchProperty,
  value: string,
): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch,
    positionalConstraint: 'EXACTLY',
    searchString: value,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
});

const anyPath = (paths: string[]): CfnWebACL.StatementProperty => {
  const statements = paths.map((path) => exactly({ uriPath: {} }, path));
  if (statements.length === 0)
    throw new Error('No route of shared/routes.ts has a throttle: nothing to scope');
  return statements.length === 1 ? statements[0] : { orStatement: { statements } };
};

/**
 * AWS WAF for the CloudFront distribution. A web ACL that protects CloudFront must live in
 * us-east-1, so it has a stack of its own there (deployed first: `cdk deploy --all` orders it);
 * its ARN is published in SSM for the main stack to attach. AWS managed rule groups (IP
 * reputation, the common rule set, known bad inputs) and per-client rate limits, stricter on the
 * routes that send mail, answered with the contract's 429 and a Retry-After.
 */
export class EdgeProtectionStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { ...props, env: { account: props.env?.account, region: 'us-east-1' } });

    const mailingPaths = [...new Set(routes.filter((r) => r.throttle).map((r) => r.path))];
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    const managed = (
      name: string,
      priority: number,
      countInstead: string[] = [],
    ): CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ruleActionOverrides: countInstead.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
        },
      },
      visibilityConfig: visibility(name),
    });
    const tooMany: CfnWebACL.RuleActionProperty = {
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: rateLimitedBody,
          responseHeaders: [{ name: 'retry-after', value: '300' }],
        },
      },
    };

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Talent Registry: managed rules and per-client rate limits in front of the site and /api',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('TalentRegistryWebAcl'),
      customResponseBodies: {
        [rateLimitedBody]: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({
            error: {
              code: 'rate_limited',
              message:
                'Quá nhiều yêu cầu từ mạng của bạn / Too many requests from your network; try again in 5 minutes',
            },
          }),
        },
      },
      rules: [
        managed('AWSManagedRulesAmazonIpReputationList', 0),
        // API bodies may be up to 64 KB (API.md); the rule set's 8 KB body limit would refuse a long bio.
        managed('AWSManagedRulesCommonRuleSet', 1, ['SizeRestrictions_BODY']),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
        {
          name: 'MailingRoutesPerClient',
          priority: 3,
          action: tooMany,
          statement: {
            rateBasedStatement: {
              limit: webAclLimits.mailingRoutes,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                andStatement: { statements: [exactly({ method: {} }, 'POST'), anyPath(mailingPaths)] },
              },
            },
          },
          visibilityConfig: visibility('MailingRoutesPerClient'),
        },
        {
          name: 'AllRequestsPerClient',
          priority: 4,
          action: tooMany,
          statement: {
            rateBasedStatement: {
              limit: webAclLimits.allRequests,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
            },
          },
          visibilityConfig: visibility('AllRequestsPerClient'),
        },
      ],
    });

    this.logRequests();

    new StringParameter(this, 'WebAclArn', {
      parameterName: webAclArnParameterName,
      stringValue: this.webAcl.attrArn,
      description: 'The CloudFront web ACL of the Talent Registry (read by the main stack)',
    });
  }

  /**
   * The web ACL's request log (every request, with the rule that matched), a year like the other
   * access logs, encrypted with this stack's own data key (us-east-1). Credentials and login-link
   * tokens never reach it: the Authorization and Cookie headers and the query string are redacted.
   */
  private logRequests(): void {
    const dev = isDevStack(this);
    // WAF requires the name prefix aws-waf-logs- and the log group's ARN without the trailing :*.
    const logGroupName = 'aws-waf-logs-talent-registry';
    const logGroup = encryptedLogGroup(this, 'WebAclLogs', {
      logGroupName,
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    const logging = new CfnLoggingConfiguration(this, 'WebAclLogging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [
        this.formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [
        { singleHeader: { Name: 'authorization' } },
        { singleHeader: { Name: 'cookie' } },
        { queryString: {} },
      ],
    });
    logging.node.addDependency(logGroup);
  }
}
