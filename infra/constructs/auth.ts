import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { staffInvitationSubject, staffInvitationText } from '#shared/mail/staff-messages';

export interface StaffAuthProps {
  /** RETAIN in production (staff accounts and their MFA devices), DESTROY in a dev stack. */
  removalPolicy: RemovalPolicy;
  /** The managed login's domain prefix: https://<prefix>.auth.<region>.amazoncognito.com (globally unique). */
  domainPrefix: string;
}

/**
 * How long a staff token lives: also how long a disabled officer or a changed agency can keep the
 * old rights at most (API Gateway cannot ask Cognito whether an ID token was revoked), and the
 * local provider's ID token lifetime (infra/local/oidc-provider.ts).
 */
export const staffTokenMinutes = 15;

/** The groups a staff member can be in; the claim `cognito:groups` carries them (API.md). */
export const staffGroups = ['hr', 'admin'] as const;

/**
 * What staff administration (the `staff` function group) may do on the user pool, and nothing
 * else: invite, move between groups, change the name and agency, disable and re-enable, end the
 * sessions of, read and list accounts. No AdminDeleteUser, no password or MFA resets, no pool
 * configuration.
 */
export const staffAdministrationActions = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:ListUsers',
  'cognito-idp:ListUsersInGroup',
] as const;

/**
 * Cognito for provincial staff (HR officers and administrators). Experts never have an account
 * here: they sign in with mailed links. Staff are invited by an administrator, never sign up.
 */
export class StaffAuth extends Construct {
  readonly userPool: UserPool;
  /** Cognito's managed login (sign-in, TOTP set-up and prompts, forgotten password). */
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: StaffAuthProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // Mutable because an administrator may move an officer to another agency.
      customAttributes: { agency: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }) },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // AdminCreateUser mails this (Vietnamese first, English beside), the same text the local
      // OpenID provider puts in the dev outbox (shared/mail/staff-messages.ts).
      userInvitation: {
        emailSubject: staffInvitationSubject,
        emailBody: staffInvitationText('{username}', '{####}').split('\n').join('<br>\n'),
      },
      // Staff read personal data of thousands of experts, so compromised-credential and
      // risk-based sign-in protection is worth the Plus plan; a few dozen staff keep it cheap.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.removalPolicy !== RemovalPolicy.DESTROY,
      removalPolicy: props.removalPolicy,
    });

    for (const [index, groupName] of staffGroups.entries()) {
      new UserPoolGroup(this, `${groupName[0].toUpperCase()}${groupName.slice(1)}Group`, {
        userPool: this.userPool,
        groupName,
        // admin outranks hr when Cognito picks the preferred role of a member of both.
        precedence: staffGroups.length - index,
      });
    }

    this.domain = this.userPool.addDomain('ManagedLogin', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
  }

  /**
   * The web app's client: OpenID Connect authorization code with PKCE (a public client: no
   * secret), redirects only to the app's own callback and signed-out pages on `siteUrls` (the
   * CloudFront domain, and a custom domain if one is set). The API receives the ID token: it
   * carries `cognito:groups` and `custom:agency` as Cognito issues it, with no trigger.
   */
  addWebClient(siteUrls: string[]): UserPoolClient {
    const client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      // Only the refresh token flow beside the hosted code grant: no password reaches the app.
      authFlows: { userSrp: false, userPassword: false, adminUserPassword: false, custom: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: siteUrls.map((url) => `${url}/staff/callback`),
        logoutUrls: siteUrls.map((url) => `${url}/staff/signed-out`),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.minutes(staffTokenMinutes),
      idTokenValidity: Duration.minutes(staffTokenMinutes),
      // A working day; a disabled account cannot refresh at all.
      refreshTokenValidity: Duration.hours(8),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('agency'),
      // custom:agency decides which demands and offers an officer may touch, so only an
      // administrator (AdminUpdateUserAttributes) may change it, never the officer's own token.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    // Managed login (version 2) shows a client's pages only with a branding style; Cognito's own.
    new CfnManagedLoginBranding(this, 'WebClientBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    return client;
  }

  /**
   * Lets a function administer staff accounts: exactly staffAdministrationActions on this pool,
   * which it finds in STAFF_USER_POOL_ID.
   */
  grantStaffAdministration(fn: LambdaFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [...staffAdministrationActions],
        resources: [this.userPool.userPoolArn],
      }),
    );
    fn.addEnvironment('STAFF_USER_POOL_ID', this.userPool.userPoolId);
  }

  /** Cognito's /logout for this client, back to the app's signed-out page (its discovery has no end_session_endpoint). */
  signOutUrl(client: UserPoolClient, siteUrl: string): string {
    return `${this.domain.baseUrl()}/logout?client_id=${client.userPoolClientId}&logout_uri=${siteUrl}/staff/signed-out`;
  }
}
