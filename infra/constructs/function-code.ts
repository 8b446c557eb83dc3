/**
 * The code of every registry function, bundled by our own esbuild call (infra/bundling.ts) rather
 * than by NodejsFunction: NodejsFunction writes one file, and code splitting needs a folder.
 */
import path from 'node:path';
import { AssetHashType, DockerImage, type ILocalBundling } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { bundleEntrySync, repoRoot } from '../bundling.ts';

/** `-c tracer=true`: load the Powertools Tracer in every function (shared/tracing.ts explains the cost). */
export function tracesAwsCalls(scope: Construct): boolean {
  const value = scope.node.tryGetContext('tracer');
  return value === true || value === 'true';
}

/**
 * CDK's local bundling hook: esbuild (infra/bundling.ts, the options the cold-start benchmark
 * measures) writes the entry's code-split bundle into the folder CDK hands over, and that folder is
 * the asset, hashed from its content. No Docker: the image below is never pulled. Its fields are
 * part of CDK's asset cache key, so each entry is bundled once per synth.
 */
class EsbuildBundling implements ILocalBundling {
  constructor(
    readonly entry: string,
    readonly provinceId: string,
  ) {}

  tryBundle(outputDir: string): boolean {
    bundleEntrySync(this.entry, outputDir, path.relative(repoRoot, this.entry), {
      provinceId: this.provinceId,
    });
    return true;
  }
}

/**
 * The code of a function: its entry module bundled into a folder (`index.mjs` and its chunks),
 * with the data of the one province it serves (`PROVINCE_ID`, from `-c province`).
 * A synth that skips bundling (the infra tests, `cdk synth --exclusively` of another stack)
 * skips this too, as CDK skips its own bundling.
 */
export function functionCode(entry: string, provinceId: string): Code {
  return Code.fromAsset(path.dirname(entry), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-slim'),
      local: new EsbuildBundling(entry, provinceId),
    },
  });
}
