import { type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { webAclArnParameterName } from '../edge-stack.ts';
import { acknowledgeDeploymentTimeFunction, encryptedLogGroup } from './data-key.ts';

/**
 * The ARN of the CloudFront web ACL that the edge stack (us-east-1) published in SSM, read at
 * deployment from whatever region this stack is in. (CDK's crossRegionReferences does the same
 * but needs an account and region fixed at synth; this stack stays deployable anywhere.)
 */
export class EdgeWebAcl extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: { removalPolicy: RemovalPolicy }) {
    super(scope, id);
    const parameterArn = Stack.of(this).formatArn({
      service: 'ssm',
      region: 'us-east-1',
      resource: 'parameter',
      resourceName: webAclArnParameterName.replace(/^\//, ''),
    });
    const read = new AwsCustomResource(this, 'Read', {
      onUpdate: {
        service: 'SSM',
        action: 'getParameter',
        parameters: { Name: webAclArnParameterName },
        region: 'us-east-1',
        physicalResourceId: PhysicalResourceId.of(webAclArnParameterName),
      },
      policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: [parameterArn] }),
      installLatestAwsSdk: false,
      logGroup: encryptedLogGroup(this, 'ReadLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: props.removalPolicy,
      }),
    });
    this.arn = read.getResponseField('Parameter.Value');
    Validations.of(read).acknowledge({
      id: 'NIST.800.53.R5-IAMNoInlinePolicy',
      reason:
        "CDK's AwsCustomResource writes its one ssm:GetParameter (on the web ACL parameter only) as an " +
        'inline policy of its provider role, used by this deployment-time lookup alone.',
    });

    // The provider function CDK creates once per stack for AwsCustomResource.
    const provider = Stack.of(this).node.tryFindChild(
      `AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`,
    );
    if (provider) {
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's AwsCustomResource provider (one per stack) runs only at deployment, to read one SSM " +
          'parameter; its role is CDK-generated with the basic execution policy for its own logs and ' +
          'the single ssm:GetParameter on the web ACL parameter, nothing else.',
      });
      acknowledgeDeploymentTimeFunction(provider, 'AwsCustomResource');
    }
  }
}
