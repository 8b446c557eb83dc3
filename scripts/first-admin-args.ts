/**
 * The command line of `npm run staff:first-admin` (scripts/staff-first-admin.ts), checked before
 * anything calls AWS.
 *
 * `npm run staff:first-admin -- --email you@agency.gov.vn [--name "Họ tên"] [--stack TalentRegistry]
 * [--user-pool-id ID] [--region REGION]`: the first administrator after `cdk deploy`. Reads the
 * stack's `UserPoolId` output (with the AWS CLI's credentials) unless the pool is given, then
 * creates the account in the `admin` group through the same Cognito directory the staff routes use:
 * Cognito mails the invitation with a temporary password; managed login asks for a new password
 * and a TOTP authenticator at the first sign-in. Later officers are invited in the console.
 */
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';

export const usage = `Usage: npm run staff:first-admin -- --email you@agency.gov.vn [options]

  --email ADDRESS      the administrator's e-mail (required; the invitation goes there)
  --name TEXT          their name (default: the part of the e-mail before @)
  --stack NAME         the stack whose UserPoolId output names the pool (default TalentRegistry)
  --user-pool-id ID    the pool itself (skips reading the stack)
  --region REGION      the stack's region (default: AWS_REGION or the CLI's profile)
  --help               this text`;

export interface FirstAdminArgs {
  email: string;
  name: string;
  stack: string;
  userPoolId: string | undefined;
  region: string | undefined;
}

const emailSchema = z.email().check(z.maxLength(254));

/** The command line, checked; throws an Error whose message is for the operator. */
export function parseFirstAdminArgs(argv: string[]): FirstAdminArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      stack: { type: 'string', default: 'TalentRegistry' },
      'user-pool-id': { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const email = values.email?.trim().toLowerCase();
  if (!email) throw new Error('--email is required');
  if (!emailSchema.safeParse(email).success)
    throw new Error(`--email "${values.email}" is not an e-mail address`);
  const poolId = values['user-pool-id'];
  if (poolId !== undefined && !/^[\w-]+_[0-9a-zA-Z]+$/.test(poolId)) {
    throw new Error(`--user-pool-id "${poolId}" is not a user pool id (such as ap-southeast-1_AbC123)`);
  }
  const name = (values.name ?? email.split('@')[0]).trim();
  if (name === '' || name.length > 100) throw new Error('--name must be 1 to 100 characters');
  return { email, name, stack: values.stack ?? 'TalentRegistry', userPoolId: poolId, region: values.region };
}

/** The AWS CLI call that reads the pool id from the stack's outputs. */
export function stackOutputCommand(args: Pick<FirstAdminArgs, 'stack' | 'region'>): string[] {
  return [
    'cloudformation',
    'describe-stacks',
    '--stack-name',
    args.stack,
    '--query',
    "Stacks[0].Outputs[?OutputKey=='UserPoolId'].OutputValue",
    '--output',
    'text',
    ...(args.region ? ['--region', args.region] : []),
  ];
}
