/**
 * HR is told when an expert answers: a notice for the agency (the console's badge, per agency)
 * and a mail to the officer who sent the offer or created the call, each once per answer; and the
 * contacts an officer copies come from the audited full profile, refused without consent.
 * Agency X here (Sở Giáo dục và Đào tạo) is used by no other suite, so its counts are this file's.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, mailsTo, registeredExpert, staffToken, streamSettled, uniqueEmail } from '../support/api.ts';
import { documentClient, tableName, useSuiteTableInProcess } from '../support/dynamo.ts';

type Expert = Awaited<ReturnType<typeof registeredExpert>>;
interface Notice {
  id: string;
  kind: string;
  offerId?: string;
  callId?: string;
  expertId: string;
  expert: { id: string; fullName: string } | null;
  seen: boolean;
  title: string;
}

const agencyX = 'so-giao-duc-dao-tao';
const agencyY = 'so-y-te';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

let officerX: string;
let officerXEmail: string;
let colleagueX: string;
let officerY: string;
let admin: string;
let demandId: string;
let expert: Expert;

const notices = async (token: string) => {
  const res = await api('/api/staff/notices?limit=100', { token });
  expect(res.status, res.text).toBe(200);
  return res.body as { items: Notice[]; unseen: number; nextCursor: string | null };
};

async function sentOffer(token = officerX) {
  const draft = await api('/api/offers', {
    token,
    body: {
      expertId: expert.expert.id,
      demandId,
      policyIds: [],
      terms: 'Giảng dạy 2 năm / Teaching for two years',
      expiresAt: inDays(14),
    },
  });
  expect(draft.status, draft.text).toBe(201);
  const sent = await api(`/api/offers/${draft.body.id}/transitions`, { token, body: { to: 'sent' } });
  expect(sent.status, sent.text).toBe(200);
  return draft.body.id as string;
}

const answer = (offerId: string, decision: 'accept' | 'decline') =>
  api(`/api/me/offers/${offerId}/response`, { token: expert.sessionToken, body: { decision } });

beforeAll(async () => {
  officerXEmail = uniqueEmail('officer-x');
  [officerX, colleagueX, officerY, admin] = await Promise.all([
    staffToken({ agency: agencyX, email: officerXEmail }),
    staffToken({ agency: agencyX }),
    staffToken({ agency: agencyY }),
    staffToken({ groups: ['admin'], agency: '' }),
  ]);
  const demand = await api('/api/demands', {
    token: officerX,
    body: {
      title: 'Giảng viên vật lý / Physics lecturer',
      fieldCodes: ['1.3'],
      minDegree: 'master',
      zone: 'provincial-centre',
      engagement: 'full_time',
      status: 'open',
    },
  });
  expect(demand.status, demand.text).toBe(201);
  demandId = demand.body.id;
  expert = await registeredExpert({ fullName: 'Đặng Thị Phản Hồi', fields: [{ code: '1.3' }] });
});

describe('an answered offer', () => {
  it("tells the sender's agency once, and mails the sender the expert's name but no contacts", async () => {
    const offerId = await sentOffer();

    expect((await answer(offerId, 'accept')).status).toBe(200);
    // A retried request: the offer is no longer open, and nothing is told twice.
    expect((await answer(offerId, 'accept')).status).toBe(409);

    const told = (await notices(officerX)).items.filter((n) => n.offerId === offerId);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: 'offer_accepted',
      expertId: expert.expert.id,
      title: 'Giảng viên vật lý / Physics lecturer',
      seen: false,
      expert: { id: expert.expert.id, fullName: 'Đặng Thị Phản Hồi' },
    });
    // A colleague of the same agency sees it too: the badge is the agency's.
    expect((await notices(colleagueX)).items.map((n) => n.id)).toContain(told[0].id);

    await streamSettled();
    const mails = (await mailsTo(officerXEmail)).filter((m) => m.text.includes(`/staff/offers/${offerId}`));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('chấp nhận');
    expect(mails[0].text).toContain('Đặng Thị Phản Hồi');
    expect(mails[0].text).not.toContain(expert.email);
    expect(mails[0].text).not.toContain('+84905123456');
  });

  it('tells of a declined offer, and never another agency', async () => {
    const offerId = await sentOffer();
    expect((await answer(offerId, 'decline')).status).toBe(200);

    const ofX = await notices(officerX);
    expect(ofX.items.find((n) => n.offerId === offerId)?.kind).toBe('offer_declined');
    const ofY = await notices(officerY);
    expect(ofY.items.map((n) => n.offerId)).not.toContain(offerId);
    expect(ofY.items.some((n) => ofX.items.some((x) => x.id === n.id))).toBe(false);
    // An administrator of no agency has no agency's notices.
    expect(await notices(admin)).toMatchObject({ items: [], unseen: 0 });
  });
});

describe('the writes for one answer', () => {
  it('are keyed by the answer: the same transaction sent twice writes one notice and one mail', async () => {
    useSuiteTableInProcess();
    const { answerNoticeWrites } = await import('#shared/app/staff-notices');
    const offerId = await sentOffer();
    const at = new Date().toISOString();
    const writes = await answerNoticeWrites(
      {
        kind: 'offer_declined',
        agency: agencyX,
        partition: `OFFER#${offerId}`,
        offerId,
        expertId: expert.expert.id,
        expertName: 'Đặng Thị Phản Hồi',
        title: 'Giảng viên vật lý / Physics lecturer',
        at,
      },
      new Date(at),
    );
    // The notice, and the mail to the officer who sent the offer.
    expect(writes).toHaveLength(2);

    await documentClient().transactWrite({ TransactItems: writes });
    await expect(documentClient().transactWrite({ TransactItems: writes })).rejects.toThrow(/cancel/i);

    const { Items } = await documentClient().query({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': `NOTICES#${agencyX}`, ':sk': `N#${at}#` },
    });
    expect(Items).toHaveLength(1);
    await streamSettled();
    const mails = (await mailsTo(officerXEmail)).filter((m) => m.text.includes(`/staff/offers/${offerId}`));
    expect(mails).toHaveLength(1);
  });
});

describe('a response to a call', () => {
  it('tells the creating agency and mails the creator, once per response', async () => {
    const creatorEmail = uniqueEmail('call-creator');
    const creator = await staffToken({ agency: agencyX, email: creatorEmail });
    const call = await api('/api/calls', {
      token: creator,
      body: {
        title: `Tư vấn chương trình vật lý ${randomUUID().slice(0, 4)}`,
        description: 'Hai buổi / Two sessions',
        fieldCodes: ['1.3'],
        engagement: 'remote_advisory',
        audience: 'all',
        openUntil: inDays(10),
      },
    });
    expect(call.status, call.text).toBe(201);
    const callId = call.body.id as string;
    expect(
      (await api(`/api/calls/${callId}/transitions`, { token: creator, body: { to: 'open' } })).status,
    ).toBe(200);
    const respond = () =>
      api(`/api/calls/${callId}/responses`, {
        token: expert.sessionToken,
        body: { message: 'Tôi tham gia' },
      });

    expect((await respond()).status).toBe(201);
    expect((await respond()).status).toBe(409);

    let told = (await notices(officerX)).items.filter((n) => n.callId === callId);
    expect(told.map((n) => n.kind)).toEqual(['call_response']);
    expect((await notices(officerY)).items.map((n) => n.callId)).not.toContain(callId);
    await streamSettled();
    const mails = (await mailsTo(creatorEmail)).filter((m) => m.text.includes(`/staff/calls/${callId}`));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('Đặng Thị Phản Hồi');

    // Withdrawn and given again: a new answer, told again.
    expect(
      (await api(`/api/calls/${callId}/responses/me`, { method: 'DELETE', token: expert.sessionToken }))
        .status,
    ).toBe(204);
    expect((await respond()).status).toBe(201);
    told = (await notices(officerX)).items.filter((n) => n.callId === callId);
    expect(told).toHaveLength(2);
  });
});

describe('seen', () => {
  it("marks the agency's notices seen up to the newest shown, for the agency only", async () => {
    const offerId = await sentOffer();
    expect((await answer(offerId, 'accept')).status).toBe(200);
    const before = await notices(officerX);
    expect(before.unseen).toBeGreaterThan(0);
    const beforeY = await notices(officerY);
    const newest = before.items[0];
    expect(newest.offerId).toBe(offerId);

    // Another agency naming X's notice marks only its own list.
    expect(
      (await api('/api/staff/notices/seen', { token: officerY, body: { upTo: newest.id } })).status,
    ).toBe(200);
    expect((await notices(officerX)).unseen).toBe(before.unseen);

    const seen = await api('/api/staff/notices/seen', { token: colleagueX, body: { upTo: newest.id } });
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({ unseen: 0 });
    const after = await notices(officerX);
    expect(after.unseen).toBe(0);
    expect(after.items.every((n) => n.seen)).toBe(true);
    // The mark never moves back.
    const older = after.items[after.items.length - 1].id;
    await api('/api/staff/notices/seen', { token: officerX, body: { upTo: older } });
    expect((await notices(officerX)).unseen).toBe(0);
    expect(beforeY.items.map((n) => n.id)).not.toContain(newest.id);
  });

  it('refuses what is not a notice id, and anyone without a staff token', async () => {
    expect((await api('/api/staff/notices/seen', { token: officerX, body: { upTo: 'SEEN' } })).status).toBe(
      400,
    );
    expect((await api('/api/staff/notices')).status).toBe(401);
    expect((await api('/api/staff/notices', { token: expert.sessionToken })).status).toBe(401);
  });
});

describe('copying contact details', () => {
  it('reads the contacts through the audited full profile', async () => {
    const sub = `copier-${randomUUID().slice(0, 8)}`;
    const officer = await staffToken({ agency: agencyX, sub });
    const profile = await api(`/api/experts/${expert.expert.id}`, { token: officer });
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ email: expert.email, phone: '+84905123456' });

    const audit = await api(`/api/audit?actor=${encodeURIComponent(sub)}`, { token: admin });
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'profile.read', target: `expert:${expert.expert.id}` }),
    ]);
  });

  it('refuses them, unaudited, once the expert stops sharing the profile', async () => {
    const private_ = await registeredExpert({ fullName: 'Đặng Văn Riêng Tư' });
    const withdrawn = await api('/api/me/consent', {
      method: 'PUT',
      token: private_.sessionToken,
      body: { shareWithAgencies: false, collaborationCalls: false, publicDirectory: false },
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    const sub = `refused-${randomUUID().slice(0, 8)}`;
    const officer = await staffToken({ agency: agencyX, sub });

    const res = await api(`/api/experts/${private_.expert.id}`, { token: officer });

    expect(res.status).toBe(404);
    expect(res.text).not.toContain(private_.email);
    const audit = await api(`/api/audit?actor=${encodeURIComponent(sub)}`, { token: admin });
    expect(audit.body.items).toEqual([]);
  });
});
