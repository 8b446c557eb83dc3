/**
 * `npm run staff:first-admin -- --email you@agency.gov.vn [--name "Họ tên"] [--stack TalentRegistry]
 * [--user-pool-id ID] [--region REGION]`: the first administrator after `cdk deploy`. Reads the
 * stack's `UserPoolId` output with the AWS CLI (its credentials) unless the pool is given, then
 * creates the account in the `admin` group through the Cognito directory the staff routes use:
 * Cognito mails the invitation with a temporary password; managed login asks for a new password
 * and a TOTP authenticator at the first sign-in. Later officers are invited in the console.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseFirstAdminArgs, stackOutputCommand, usage } from './first-admin-args.ts';

async function main(): Promise<void> {
  const args = parseFirstAdminArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(usage);
    return;
  }
  if (args.region) process.env.AWS_REGION = args.region;
  const userPoolId =
    args.userPoolId ?? (await promisify(execFile)('aws', stackOutputCommand(args))).stdout.trim();
  if (!userPoolId || userPoolId === 'None') throw new Error(`Stack ${args.stack} has no UserPoolId output`);
  const { CognitoStaffDirectory } = await import('#shared/app/cognito-staff-directory');
  const { staffDirectoryHooks } = await import('#shared/app/staff-directory');
  const account = await new CognitoStaffDirectory(userPoolId, staffDirectoryHooks).invite({
    email: args.email,
    name: args.name,
    group: 'admin',
    agency: null,
  });
  console.log(
    `Administrator ${account.id} created in ${userPoolId}; Cognito has mailed the invitation with a temporary password.`,
  );
}

main().catch((error: Error) => {
  console.error(error.name === 'EmailTaken' ? 'An account with this e-mail exists already.' : error.message);
  if (error.message.startsWith('--') || error.name === 'ParseArgsError' || /option/i.test(error.message)) {
    console.error(usage);
  }
  process.exit(1);
});
