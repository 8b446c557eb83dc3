/**
 * Synthesizes the real app (infra/app.ts) the way `cdk synth` does, with cdk.json's feature flags,
 * but into a temporary directory and without bundling: assertions need the template, not the code.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { createRegistryApp } from '../../infra/app.ts';
import { repoRoot } from '../../infra/bundling.ts';
import type { RegistryStack, RegistryStackProps } from '../../infra/registry-stack.ts';

export interface SynthOptions {
  context?: Record<string, unknown>;
  stackProps?: RegistryStackProps;
  /** Adds constructs to the stack before synthesis. */
  extend?: (stack: RegistryStack) => void;
}

export interface Synthesized {
  app: App;
  stack: RegistryStack;
  template: Template;
  /** The cloud assembly directory (validation-report.json lives here). */
  assemblyDir: string;
  /** The operations nested stack (alarms, their topic, the dashboard: infra/constructs/operations-stack.ts). */
  operations: {
    stack: NestedStack;
    template: Template;
    /**
     * Its resources with every reference to a nested-stack parameter replaced by what the parent
     * passes in it (`{ Ref: 'referencetoTalentRegistry…Ref' }` → `{ Ref: 'Api…Function…' }`), so
     * that assertions name the parent's resources by their logical ids, as before the split.
     */
    resources: Record<string, unknown>;
  };
}

const cdkJson = JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};

/** Temporary output directories; remove them in afterAll with removeSynthOutput. */
const outdirs: string[] = [];

export function synthRegistry(options: SynthOptions = {}): Synthesized {
  const outdir = mkdtempSync(path.join(tmpdir(), 'talent-registry-cdk-'));
  outdirs.push(outdir);
  const { app, stack } = createRegistryApp(
    {
      outdir,
      // CDK's built-in template schema validation costs ~13 s per synth; `cdk synth` still runs it.
      builtinCloudFormationValidation: false,
      context: {
        ...cdkJson.context,
        'aws:cdk:bundling-stacks': [],
        // Report findings in validation-report.json instead of throwing, so the tests can name them.
        '@aws-cdk/core:failSynthOnValidationErrors': false,
        ...options.context,
      },
    },
    options.stackProps,
  );
  options.extend?.(stack);
  const assembly = app.synth();
  // Template.fromJSON also fails on a dependency cycle between resources.
  const parentJson = assembly.getStackByName(stack.stackName).template;
  const template = Template.fromJSON(parentJson);
  const nested = stack.node.findChild('Operations') as NestedStack;
  const nestedTemplate = Template.fromStack(nested);
  return {
    app,
    stack,
    template,
    assemblyDir: assembly.directory,
    operations: {
      stack: nested,
      template: nestedTemplate,
      resources: inParentTerms(nestedTemplate.toJSON().Resources, parameterValues(stack, nested, parentJson)),
    },
  };
}

/** What the parent passes to each parameter of a nested stack: its `AWS::CloudFormation::Stack`'s Parameters. */
function parameterValues(
  parent: Stack,
  nested: NestedStack,
  parentJson: { Resources: Record<string, { Properties?: { Parameters?: Record<string, unknown> } }> },
): Record<string, unknown> {
  const resource = nested.nestedStackResource;
  if (!resource) throw new Error('the operations stack has no resource in its parent');
  const logicalId = parent.resolve((resource as unknown as { logicalId: string }).logicalId) as string;
  return parentJson.Resources[logicalId]?.Properties?.Parameters ?? {};
}

function inParentTerms<T>(value: T, parameters: Record<string, unknown>): T {
  if (Array.isArray(value)) return value.map((v) => inParentTerms(v, parameters)) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1 && entries[0][0] === 'Ref' && (entries[0][1] as string) in parameters) {
    return parameters[entries[0][1] as string] as T;
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, inParentTerms(v, parameters)])) as T;
}

export function removeSynthOutput(): void {
  for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
}
