import {
  isOnDelegation,
  isOwnerLevel,
  maskPersonal,
  maskPersonalValue,
  mayHandOver,
  maySeePromoCard,
  maySeeTarget,
  seesAllTeams,
  type Actor,
} from './access';

const staffA: Actor = { id: 'a1', role: 'staff', teamId: 'A' };
const mateA: Actor = { id: 'a2', role: 'staff', teamId: 'A' };
const staffB: Actor = { id: 'b1', role: 'staff', teamId: 'B' };
const loner: Actor = { id: 'n1', role: 'staff', teamId: null };
const leader: Actor = { id: 'l1', role: 'leader', teamId: null };
const admin: Actor = { id: 'x1', role: 'admin', teamId: null };

describe('access rules', () => {
  const record = { ownerId: 'a1', teamId: 'A' };

  it('lets staff hand leads and events to a teammate only, projects to nobody; leaders and admins to anyone', () => {
    const handTo = (actor: Actor, owner: Actor) => [
      mayHandOver(actor, owner, 'to_teammate'),
      mayHandOver(actor, owner, 'by_leader'),
    ];
    expect(handTo(staffA, staffA)).toEqual([true, true]);
    expect(handTo(staffA, mateA)).toEqual([true, false]);
    expect(handTo(staffA, staffB)).toEqual([false, false]);
    expect(handTo(loner, staffB)).toEqual([false, false]);
    expect(handTo(leader, staffB)).toEqual([true, true]);
    expect(handTo(admin, staffA)).toEqual([true, true]);
  });

  it('gives owner level to the owner, the team, leaders and admins only', () => {
    expect([staffA, mateA, staffB, loner, leader, admin].map((actor) => isOwnerLevel(actor, record))).toEqual([
      true,
      true,
      false,
      false,
      true,
      true,
    ]);
    expect([staffA, leader, admin, staffB].map(seesAllTeams)).toEqual([false, true, true, false]);
  });

  it('never matches two people without a team as one team', () => {
    expect(isOwnerLevel(loner, { ownerId: 'someone', teamId: null })).toBe(false);
    expect(isOwnerLevel(loner, { ownerId: 'n1', teamId: null })).toBe(true);
  });

  it('opens a trip to its members and leading official as well', () => {
    const trip = { ...record, memberIds: ['b1'], leaderId: 'n1' };
    expect([staffB, loner, { ...staffB, id: 'b2' }].map((actor) => isOnDelegation(actor, trip))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('shows a published card to everyone and a draft to its team', () => {
    expect(maySeePromoCard(staffB, { ...record, status: 'published' })).toBe(true);
    expect(maySeePromoCard(staffB, { ...record, status: 'draft' })).toBe(false);
    expect(maySeePromoCard(mateA, { ...record, status: 'draft' })).toBe(true);
  });

  it("shows the district's targets to all, a team's to its team and leaders", () => {
    expect([staffB, staffA, leader].map((actor) => maySeeTarget(actor, { teamId: 'A' }))).toEqual([false, true, true]);
    expect(maySeeTarget(staffB, { teamId: null })).toBe(true);
  });
});

describe('personal data', () => {
  const contact = { id: 'c', name: '王总', mobile: '13812341234', email: 'wang@example.com', wechat: 'wz' };

  it('masks mobile, e-mail and WeChat id alike, and keeps the rest', () => {
    expect(maskPersonal('contact', contact, false)).toEqual({
      id: 'c',
      name: '王总',
      mobile: '138****1234',
      email: 'w***@example.com',
      wechat: null,
    });
    expect(maskPersonal('contact', contact, true)).toBe(contact);
  });

  it('keeps empty values empty and hides what is not text', () => {
    expect(maskPersonalValue('mobile', null)).toBeNull();
    expect(maskPersonalValue('email', '')).toBe('');
    expect(maskPersonalValue('email', 'no-at-sign')).toBe('***');
    expect(maskPersonalValue('mobile', 13812341234)).toBeNull();
    expect(maskPersonal('contact', { mobile: '13812341234' }, false)).toEqual({ mobile: '138****1234' });
  });
});
