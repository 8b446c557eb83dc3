/**
 * Synthesizes the real app (infra/app.ts) the way `cdk synth` does, with cdk.json's feature flags,
 * but into a temporary directory and without bundling: assertions need the template, not the code.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from 'aws-cdk-lib';
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
  const template = Template.fromJSON(assembly.getStackByName(stack.stackName).template);
  return { app, stack, template, assemblyDir: assembly.directory };
}

export function removeSynthOutput(): void {
  for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
}
