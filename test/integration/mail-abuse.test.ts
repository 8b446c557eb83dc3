/**
 * The public mail routes cannot be used to flood an inbox, to mail strangers text of an
 * attacker's choosing, or to tell registered addresses from others — by the answer or by the work
 * done before it (the same DynamoDB calls whatever the address; timing is then the same too).
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import {
  api,
  loginTokenIn,
  mailsTo,
  registeredExpert,
  registration,
  streamSettled,
  uniqueEmail,
} from '../support/api.ts';

const perHour = 5; // LOGIN_LINKS_PER_HOUR of the suite's server (test/support/global-setup.ts)

describe('re-registering a known address', () => {
  it('mails its owner at most the hourly allowance, shared with login links', async () => {
    const owner = await registeredExpert();
    for (let i = 0; i < 3; i++) await api('/api/me/login-link', { body: { email: owner.email } });
    for (let i = 0; i < 10; i++) {
      const res = await api('/api/experts', {
        body: registration({ email: owner.email, fullName: 'Kẻ Lạ' }),
      });
      expect(res.status).toBe(202);
    }
    await streamSettled();

    const mails = await mailsTo(owner.email, 1 + perHour);
    // The verification mail, then at most `perHour` more, whichever route asked for them.
    expect(mails).toHaveLength(1 + perHour);
    expect((await api('/api/me/login-link', { body: { email: owner.email } })).status).toBe(429);
  });

  it('tells the owner that a profile exists and gives a login link that works', async () => {
    const owner = await registeredExpert();
    await api('/api/experts', { body: registration({ email: owner.email, fullName: 'Kẻ Lạ' }) });

    const [mail] = await mailsTo(owner.email, 2);
    expect(mail.subject).toMatch(/đã có.*already have a profile/);
    expect(mail.text).not.toContain('Kẻ Lạ');
    const session = await api('/api/me/session', { body: { token: loginTokenIn(mail) } });
    expect(session.status).toBe(200);
    expect(session.body.expert.id).toBe(owner.expert.id);
  });

  it('re-sends a pending address its verification link within the same allowance', async () => {
    const email = uniqueEmail('pending');
    for (let i = 0; i < 12; i++) await api('/api/experts', { body: registration({ email }) });
    await streamSettled();

    const mails = await mailsTo(email, 1 + perHour);
    expect(mails.length).toBeLessThanOrEqual(1 + perHour);
    expect(mails.every((m) => /Xác nhận/.test(m.subject))).toBe(true);
  });
});

describe('a new address', () => {
  it('gets a verification mail with nothing the registrant typed in it', async () => {
    const body = registration({ fullName: 'Nhấn Vào Đây Để Nhận Thưởng', bio: 'http://evil.example/' });
    await api('/api/experts', { body });

    const [mail] = await mailsTo(body.email);
    expect(mail.text).not.toContain('Nhấn Vào Đây');
    expect(mail.text).not.toContain('evil.example');
  });
});

describe('the work done before answering', () => {
  type Handler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<{ statusCode: number }>;
  let register: Handler;
  let loginLink: Handler;
  let calls: string[] = [];

  beforeAll(async () => {
    process.env.TABLE_NAME = inject('tableName');
    process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('ddbEndpoint');
    process.env.MAIL_TRANSPORT = 'dev';
    process.env.AWS_REGION ??= 'ap-southeast-1';
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
    const { dynamo } = await import('#shared/db/client');
    const send = dynamo.send.bind(dynamo);
    vi.spyOn(dynamo, 'send').mockImplementation(((command: { constructor: { name: string } }) => {
      calls.push(command.constructor.name);
      return send(command as never);
    }) as never);
    ({ handler: register } = (await import('../../functions/experts/register-expert.ts')) as unknown as {
      handler: Handler;
    });
    ({ handler: loginLink } = (await import('../../functions/me/request-login-link.ts')) as unknown as {
      handler: Handler;
    });
  });
  afterEach(() => {
    calls = [];
  });

  const event = (routeKey: string, path: string, body: unknown) =>
    ({
      version: '2.0',
      routeKey,
      rawPath: path,
      rawQueryString: '',
      headers: { 'content-type': 'application/json' },
      requestContext: { requestId: 'r', http: { method: 'POST', path } },
      body: JSON.stringify(body),
      isBase64Encoded: false,
    }) as unknown as APIGatewayProxyEventV2;

  async function callsFor(handler: Handler, routeKey: string, path: string, body: unknown) {
    calls = [];
    const { statusCode } = await handler(event(routeKey, path, body));
    return { statusCode, calls: [...calls] };
  }

  it('is the same for a registered and an unknown address: registration', async () => {
    const known = await registeredExpert();
    const knownRun = await callsFor(
      register,
      'POST /api/experts',
      '/api/experts',
      registration({ email: known.email }),
    );
    const newRun = await callsFor(register, 'POST /api/experts', '/api/experts', registration());

    expect(knownRun).toEqual(newRun);
    expect(newRun).toEqual({ statusCode: 202, calls: ['PutCommand'] });
  });

  it('is the same for a registered and an unknown address: login link', async () => {
    const known = await registeredExpert();
    const knownRun = await callsFor(loginLink, 'POST /api/me/login-link', '/api/me/login-link', {
      email: known.email,
    });
    const unknownRun = await callsFor(loginLink, 'POST /api/me/login-link', '/api/me/login-link', {
      email: uniqueEmail('nobody'),
    });

    expect(knownRun).toEqual(unknownRun);
    expect(unknownRun).toEqual({ statusCode: 202, calls: ['UpdateCommand', 'PutCommand'] });
  });
});

describe('a registration request handled twice', () => {
  it('makes one profile and mails nothing more when its first run died before deleting the request', async () => {
    process.env.TABLE_NAME = inject('tableName');
    process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('ddbEndpoint');
    const { processRegistrationRequest } = await import('#shared/app/registration');
    const { putPendingRegistration } = await import('#shared/db/experts');
    const { putRegistrationRequest } = await import('#shared/db/requests');
    const { newExpertRecord } = await import('#shared/domain/expert-record');
    const body = registration();
    const now = new Date();
    const record = newExpertRecord(body, 'pending_verification', crypto.randomUUID(), now.toISOString());
    // The first run: the request is recorded and the pending registration made, then the run dies.
    await putRegistrationRequest(record, now);
    expect(await putPendingRegistration(record, now)).toBe(true);

    const retried = await processRegistrationRequest(record.id, now);
    const again = await processRegistrationRequest(record.id, now);
    await streamSettled();

    expect([retried, again]).toEqual(['registered', 'gone']);
    const mails = await mailsTo(body.email, 1);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Xác nhận/)]);
  });
});
