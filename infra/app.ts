import { pathToFileURL } from 'node:url';
import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { EdgeProtectionStack } from './edge-stack.ts';
import { RegistryStack, type RegistryStackProps } from './registry-stack.ts';

/**
 * The CDK app: the two stacks, checked by cdk-nag's AWS Solutions and NIST 800-53 rev. 5 rules. A finding that is not
 * acknowledged (next to the resource it concerns, with a reason) fails the synth.
 */
export function createRegistryApp(appProps: AppProps = {}, stackProps: RegistryStackProps = {}) {
  const app = new App(appProps);
  const edge = new EdgeProtectionStack(app, 'TalentRegistryEdge', {
    description: 'Talent Registry: AWS WAF for the CloudFront distribution (us-east-1)',
  });
  const stack = new RegistryStack(app, 'TalentRegistry', {
    description: 'Talent Registry: the provincial database of the intellectual workforce',
    ...stackProps,
  });
  // The web ACL must exist before the distribution that uses it: `cdk deploy --all` deploys the edge first.
  stack.addDependency(edge);
  Tags.of(app).add('project', 'talent-registry');
  // The acknowledgements also go into the templates' Metadata, so auditors see every reason there.
  // Two rule packs: AWS Solutions (general good practice) and NIST 800-53 rev. 5 (what an auditor of
  // a government system of record asks for). Every finding of either is fixed or acknowledged.
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
    new NIST80053R5Checks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
  );
  return { app, stack, edge };
}

// `cdk synth` runs this file (cdk.json); tests import createRegistryApp and build their own app.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  createRegistryApp();
}
