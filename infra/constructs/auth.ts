import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface StaffAuthProps {
  /** RETAIN in production (staff accounts and their MFA devices), DESTROY in a dev stack. */
  removalPolicy: RemovalPolicy;
}

/** The groups a staff member can be in; the claim `cognito:groups` carries them (API.md). */
export const staffGroups = ['hr', 'admin'] as const;

/**
 * Cognito for provincial staff (HR officers and administrators). Experts never have an account
 * here: they sign in with mailed links. Staff are invited by an administrator, never sign up.
 */
export class StaffAuth extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;

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

    this.webClient = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      // The SPA signs in with SRP against Cognito directly; no hosted UI, no OAuth redirects.
      disableOAuth: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('agency'),
      // custom:agency decides which demands and offers an officer may touch, so only an
      // administrator (AdminUpdateUserAttributes) may change it, never the officer's own token.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
  }
}
