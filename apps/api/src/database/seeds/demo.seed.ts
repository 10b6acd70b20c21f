import type { INestApplication } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LeadSource, ProjectStatus } from '@lianqiao/contracts';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ChainNode } from '../../modules/chains/chain-node.entity';
import { CompaniesService } from '../../modules/companies/companies.service';
import { LeadsService } from '../../modules/leads/leads.service';
import { OrgService } from '../../modules/org/org.service';
import { ProjectsService } from '../../modules/projects/projects.service';
import { UsersService } from '../../modules/users/users.service';
import { ActivitiesService } from '../../modules/activities/activities.service';
import { randomPassword } from './first-admin.seed';

/** Every demo record's name starts with this, so nobody mistakes it for real data. */
export const DEMO_MARK = '［演示］';

export interface DemoSeed {
  /** The demo logins with the random passwords made for them on this start. */
  logins: Array<{ username: string; password: string }>;
  /** Where they are written too (mode 0600), beside the admin's. */
  passwordFile: string;
}

/**
 * Demo data is asked for with DATABASE_SEED_DEMO=true, and comes by default only with the embedded
 * database outside production: a production server never gets logins nobody asked for.
 */
export function demoSeedWanted(env: NodeJS.ProcessEnv, embedded: boolean): boolean {
  if (env.DATABASE_SEED_DEMO !== undefined) return env.DATABASE_SEED_DEMO === 'true';
  return embedded && env.NODE_ENV !== 'production';
}

const COMPANIES: Array<{
  name: string;
  uscc?: string;
  province: string;
  city: string;
  node: string;
  isTarget: boolean;
  isChainLeader?: boolean;
  tags?: string[];
}> = [
  {
    name: '华东动力电池有限公司',
    province: '江苏省',
    city: '常州市',
    node: '电芯与模组',
    isTarget: true,
    tags: ['srdi'],
  },
  {
    name: '本区整车制造股份有限公司',
    province: '山东省',
    city: '青岛市',
    node: '乘用车',
    isTarget: false,
    isChainLeader: true,
    tags: ['china500'],
  },
  {
    name: '鹏城汽车电子科技有限公司',
    province: '广东省',
    city: '深圳市',
    node: '智能座舱',
    isTarget: true,
    tags: ['high_tech'],
  },
  { name: '本区热管理系统有限公司', province: '山东省', city: '青岛市', node: '热管理系统', isTarget: false },
  {
    name: '本区座椅内饰有限公司',
    province: '山东省',
    city: '青岛市',
    node: '座椅与内饰',
    isTarget: false,
    tags: ['above_scale'],
  },
  { name: '沪上驱动电机有限公司', province: '上海市', city: '上海市', node: '驱动电机', isTarget: true },
  {
    name: '本区轨道车辆股份有限公司',
    province: '山东省',
    city: '青岛市',
    node: '车辆整车',
    isTarget: false,
    isChainLeader: true,
    tags: ['china500', 'listed'],
  },
  { name: '京华牵引变流器有限公司', province: '北京市', city: '北京市', node: '牵引变流器', isTarget: true },
  { name: '本区转向架制造有限公司', province: '山东省', city: '青岛市', node: '转向架', isTarget: false },
  {
    name: '浙江碳纤维复合材料有限公司',
    province: '浙江省',
    city: '宁波市',
    node: '碳纤维复合材料',
    isTarget: true,
    tags: ['srdi'],
  },
  { name: '本区制动系统有限公司', province: '山东省', city: '青岛市', node: '制动系统', isTarget: false },
  { name: '广州充换电服务有限公司', province: '广东省', city: '广州市', node: '充换电服务', isTarget: true },
];

const LEADS: Array<{
  name: string;
  company: number;
  source: LeadSource;
  owner: 'staff1' | 'staff2';
  wan: number;
  stage?: ProjectStatus;
  status?: 'following' | 'qualified' | 'invalid';
}> = [
  { name: '动力电池华北基地项目', company: 0, source: 'roadshow', owner: 'staff1', wan: 500000, stage: 'signed' },
  { name: '智能座舱研发中心', company: 2, source: 'outbound_visit', owner: 'staff1', wan: 80000, stage: 'negotiating' },
  { name: '驱动电机扩产项目', company: 5, source: 'card_interest', owner: 'staff1', wan: 60000, stage: 'registered' },
  { name: '充换电站网络项目', company: 11, source: 'online', owner: 'staff1', wan: 20000, status: 'following' },
  {
    name: '牵引变流器配套项目',
    company: 7,
    source: 'business_referral',
    owner: 'staff2',
    wan: 45000,
    stage: 'under_construction',
  },
  { name: '碳纤维车体材料项目', company: 9, source: 'homecoming', owner: 'staff2', wan: 120000, stage: 'negotiating' },
  { name: '轨交运维检修中心', company: 6, source: 'inbound_visit', owner: 'staff2', wan: 30000, status: 'qualified' },
  { name: '热管理系统二期', company: 3, source: 'roadshow', owner: 'staff1', wan: 25000, stage: 'in_production' },
  { name: '座椅内饰智能工厂', company: 4, source: 'other', owner: 'staff1', wan: 15000, status: 'invalid' },
];

const EVIDENCE: Record<string, Record<string, string | number>> = {
  signed: { signedAt: '2026-03-18', contractedWan: 450000 },
  registered: { localUscc: '914403001922038216' },
  under_construction: { startedAt: '2026-06-01' },
  in_production: { producingAt: '2026-10-20' },
};

/**
 * A small, clearly marked demo data set for a fresh embedded database: two teams, a leader and two
 * staff, each with a random password written to <dataDir>/demo-passwords.txt, companies on both
 * chains, leads from each source and projects at every stage — made through the services, so every
 * rule and audit entry applies.
 */
export async function seedDemoData(
  app: INestApplication,
  dataSource: DataSource,
  dataDir: string,
): Promise<DemoSeed | null> {
  const users = app.get(UsersService);
  if (await dataSource.query(`SELECT 1 FROM users WHERE username = 'demo.leader'`).then((r) => r.length > 0))
    return null;
  const org = app.get(OrgService);
  const system: AuthUser = {
    id: '00000000-0000-4000-8000-000000000000',
    username: 'system',
    displayName: '系统（演示数据）',
    role: 'admin',
    teamId: null,
    orgUnitId: null,
    sessionId: '',
  };
  const unit = await org.createOrgUnit(system, { name: `${DEMO_MARK}商务局`, kind: 'department' });
  const autoTeam = await org.createTeam(system, { name: `${DEMO_MARK}汽车产业链招商专班`, orgUnitId: unit.id });
  const railTeam = await org.createTeam(system, { name: `${DEMO_MARK}轨道交通招商专班`, orgUnitId: unit.id });
  const logins: DemoSeed['logins'] = [];
  const make = async (
    username: string,
    displayName: string,
    role: 'leader' | 'staff',
    teamId: string | null,
  ): Promise<AuthUser> => {
    const password = randomPassword();
    const user = await users.create(system, { username, displayName, role, teamId, password });
    logins.push({ username, password });
    return { id: user.id, username, displayName, role, teamId, orgUnitId: null, sessionId: '' };
  };
  const leader = await make('demo.leader', '王局长（演示）', 'leader', null);
  const staff1 = await make('demo.staff1', '李招商（演示）', 'staff', autoTeam.id);
  const staff2 = await make('demo.staff2', '赵专员（演示）', 'staff', railTeam.id);
  const owners = { staff1, staff2 };
  // Written before the rest, so a start cut short still leaves the logins findable.
  mkdirSync(dataDir, { recursive: true });
  const passwordFile = join(dataDir, 'demo-passwords.txt');
  writeFileSync(passwordFile, logins.map((l) => `${l.username} ${l.password}\n`).join(''), { mode: 0o600 });

  const nodes = new Map((await dataSource.getRepository(ChainNode).find()).map((n) => [n.name, n.id]));
  const companies = app.get(CompaniesService);
  const companyIds: string[] = [];
  for (const c of COMPANIES) {
    const created = await companies.create(leader, {
      name: `${DEMO_MARK}${c.name}`,
      province: c.province,
      city: c.city,
      chainNodeIds: nodes.has(c.node) ? [nodes.get(c.node)!] : [],
      isTarget: c.isTarget,
      isChainLeader: c.isChainLeader ?? false,
      tags: (c.tags ?? []) as never,
      allowDuplicateName: true,
    });
    companyIds.push(created.id);
  }
  await companies.createContact(staff1, companyIds[0], {
    name: '陈总',
    title: '投资总监',
    mobile: '13800138000',
    wechat: 'chen_invest',
  });

  const leads = app.get(LeadsService);
  const projects = app.get(ProjectsService);
  const activities = app.get(ActivitiesService);
  for (const l of LEADS) {
    const owner = owners[l.owner];
    const lead = await leads.create(owner, {
      name: `${DEMO_MARK}${l.name}`,
      source: l.source,
      companyId: companyIds[l.company],
      estimatedWan: l.wan,
      chainNodeIds: (await companies.get(companyIds[l.company])).chainNodeIds,
      nextFollowUpAt: new Date(Date.now() + (l.owner === 'staff1' ? -2 : 5) * 86_400_000).toISOString(),
      acknowledgeCollision: true,
    });
    await activities.create(owner, {
      subjectType: 'lead',
      subjectId: lead.id,
      kind: 'call',
      occurredAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      summary: '电话沟通投资意向，介绍本区产业链配套与政策',
    });
    const current = await leads.get(owner, lead.id);
    if (l.status === 'invalid') {
      await leads.update(owner, lead.id, {
        status: 'invalid',
        invalidReason: '企业已选择其他城市',
        version: current.version,
      });
      continue;
    }
    const qualified = await leads.update(owner, lead.id, { status: 'qualified', version: current.version });
    if (!l.stage) continue;
    const project = await leads.convert(owner, lead.id, {
      version: qualified.version,
      isKey: l.wan >= 100000,
      responsibleLeaderId: leader.id,
    });
    let version = project.version;
    const order: ProjectStatus[] = ['signed', 'registered', 'under_construction', 'in_production'];
    for (const stage of order.slice(0, order.indexOf(l.stage as ProjectStatus) + 1)) {
      version = (await projects.transition(owner, project.id, { to: stage, version, ...EVIDENCE[stage] })).version;
    }
  }
  return { logins, passwordFile };
}
