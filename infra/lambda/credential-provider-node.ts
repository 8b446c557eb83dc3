/**
 * Lambda bundles only: stands in for @aws-sdk/credential-provider-node (esbuild alias in
 * infra/bundling.ts). In Lambda the execution role's credentials are always in the environment,
 * so the rest of the default chain (SSO, INI files, IMDS, web identity, with their nested STS and
 * SSO clients: ~90 KB) is dead weight on every cold start. Local runs use the real chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
