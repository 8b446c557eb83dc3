import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeSynthOutput, type Synthesized, synthRegistry } from './synth.ts';

/** What CDK writes to validation-report.json (cloud assembly schema), as far as we read it. */
interface ValidationReport {
  pluginReports: {
    pluginName: string;
    violations: {
      ruleName: string;
      severity: string;
      description: string;
      violatingConstructs?: { constructPath: string }[];
    }[];
  }[];
}

let synthesized: Synthesized;
let devWithWebApp: Synthesized;
let webDist: string;

beforeAll(() => {
  // The repo as it is: with the web app deployed if web/dist has been built, without it if not.
  synthesized = synthRegistry();

  webDist = mkdtempSync(path.join(tmpdir(), 'talent-registry-web-'));
  writeFileSync(
    path.join(webDist, 'index.html'),
    '<!doctype html><html><head><title>Talent Registry</title></head><body></body></html>',
  );
  devWithWebApp = synthRegistry({
    context: { dev: 'true' },
    stackProps: { webDistPath: webDist },
    // A planted finding, to prove the checks run on synth and that this test would see a finding.
    extend: (stack) => {
      new Queue(stack, 'CarelessQueue', { encryption: QueueEncryption.UNENCRYPTED });
      new LogGroup(stack, 'CarelessLogs', { retention: RetentionDays.ONE_YEAR });
      // And one in the operations nested stack: the checks cover it too.
      new Queue(stack.node.findChild('Operations'), 'CarelessQueue', {
        encryption: QueueEncryption.UNENCRYPTED,
      });
    },
  });
});

afterAll(() => {
  removeSynthOutput();
  if (webDist) rmSync(webDist, { recursive: true, force: true });
});

const readReport = (assemblyDir: string): ValidationReport =>
  JSON.parse(readFileSync(path.join(assemblyDir, 'validation-report.json'), 'utf8'));

/** Every reported finding, as `severity rule at path`, so a failure names what to fix. */
const findings = (report: ValidationReport) =>
  report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((violation) =>
      (violation.violatingConstructs ?? [{ constructPath: '?' }]).map(
        (construct) => `${violation.severity} ${violation.ruleName} at ${construct.constructPath}`,
      ),
    ),
  );

const acknowledgementsIn = (root: IConstruct) =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({ path: construct.node.path, id, reason })),
  );

describe('cdk-nag AWS Solutions checks', () => {
  it('report no finding, error or warning, when the stack is synthesized', () => {
    const reported = findings(readReport(synthesized.assemblyDir));
    expect(reported.filter((finding) => finding.includes('AwsSolutions-'))).toEqual([]);
    // Nothing else either; at most the reminder that the web app has not been built.
    expect(reported.filter((finding) => !finding.includes('talent-registry:web-app-not-built'))).toEqual([]);
  });

  it('pass a dev stack that also deploys the web app', () => {
    const reported = findings(readReport(devWithWebApp.assemblyDir));
    expect(reported.filter((finding) => !finding.includes('/Careless'))).toEqual([]);
  });

  it('are wired into the app: an unacknowledged finding is reported', () => {
    const reported = findings(readReport(devWithWebApp.assemblyDir));
    expect(reported).toContain('error AwsSolutions-SQS4 at TalentRegistry/CarelessQueue/Resource');
    expect(reported).toContain('error AwsSolutions-SQS4 at TalentRegistry/Operations/CarelessQueue/Resource');
    expect(new AwsSolutionsChecks().validateScope(devWithWebApp.app).success).toBe(false);
  });
});

describe('cdk-nag NIST 800-53 rev. 5 checks', () => {
  it('report no finding in either stack (TalentRegistry and the us-east-1 TalentRegistryEdge)', () => {
    const reported = findings(readReport(synthesized.assemblyDir));
    expect(reported.filter((finding) => finding.includes('NIST.800.53.R5-'))).toEqual([]);
    expect(new NIST80053R5Checks().validateScope(synthesized.app).success).toBe(true);
  });

  it('are wired into the app: an unacknowledged finding is reported', () => {
    const reported = findings(readReport(devWithWebApp.assemblyDir));
    expect(reported).toContain(
      'error NIST.800.53.R5-CloudWatchLogGroupEncrypted at TalentRegistry/CarelessLogs/Resource',
    );
    expect(new NIST80053R5Checks().validateScope(devWithWebApp.app).success).toBe(false);
  });

  it('are acknowledged only where the design makes the rule not apply, each with its reason', () => {
    const recorded = Object.values(
      synthesized.template.toJSON().Resources as Record<
        string,
        { Metadata?: { cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] } } }
      >,
    ).flatMap((r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? []);
    const nistRules = new Set(recorded.map((rule) => rule.id).filter((id) => id.startsWith('NIST')));
    // Fixed rather than acknowledged: backup plan, KMS-encrypted log groups and queues, reserved
    // concurrency, versioned buckets, WAF logging. What remains is a decision with a reason.
    expect([...nistRules].sort()).toEqual([
      'NIST.800.53.R5-IAMNoInlinePolicy',
      'NIST.800.53.R5-LambdaConcurrency',
      'NIST.800.53.R5-LambdaDLQ',
      'NIST.800.53.R5-LambdaInsideVPC',
      'NIST.800.53.R5-S3BucketReplicationEnabled',
      'NIST.800.53.R5-S3DefaultEncryptionKMS',
    ]);
    const vpc = recorded.find((rule) => rule.id === 'NIST.800.53.R5-LambdaInsideVPC');
    expect(vpc?.reason).toMatch(/IAM/);
  });
});

describe('acknowledged findings', () => {
  it('each carry a specific reason', () => {
    const acknowledgements = [
      ...acknowledgementsIn(synthesized.app),
      ...acknowledgementsIn(devWithWebApp.app),
    ];
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { path: at, id, reason } of acknowledgements) {
      expect(id, at).toMatch(/AwsSolutions-[A-Z]+\d+|NIST\.800\.53\.R5-[A-Za-z0-9]+/);
      expect(reason.trim().length, `${id} at ${at}`).toBeGreaterThan(10);
    }
  });

  it('are kept with their reasons in the template Metadata for auditors', () => {
    const resources = synthesized.template.toJSON().Resources as Record<
      string,
      { Metadata?: { cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] } } }
    >;
    const recorded = Object.values(resources).flatMap((r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? []);
    expect(recorded.map((rule) => rule.id)).toEqual(
      expect.arrayContaining([
        'AwsSolutions-APIG4',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-L1',
        'AwsSolutions-CFR1',
        'AwsSolutions-SQS3',
      ]),
    );
    for (const rule of recorded) expect(rule.reason.length, rule.id).toBeGreaterThan(10);
  });

  it('exempt exactly the routes without an API Gateway authorizer from APIG4', () => {
    const routes = Object.values(
      synthesized.template.findResources('AWS::ApiGatewayV2::Route') as Record<
        string,
        {
          Properties: { RouteKey: string; AuthorizationType: string };
          Metadata?: { cdk_nag?: { rules_to_suppress: { id: string }[] } };
        }
      >,
    );
    expect(routes.some((route) => route.Properties.AuthorizationType === 'JWT')).toBe(true);
    for (const route of routes) {
      const exempt = (route.Metadata?.cdk_nag?.rules_to_suppress ?? []).some(
        (r) => r.id === 'AwsSolutions-APIG4',
      );
      expect(exempt, route.Properties.RouteKey).toBe(route.Properties.AuthorizationType === 'NONE');
    }
  });
});
