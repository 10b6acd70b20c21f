import type { AftercareCompanyDto, EnterpriseRequestDto, OrgUnitDto, Page } from '@lianqiao/contracts';

export const COMPANY_ID = '00000000-0000-4000-8000-0000000000c1';
export const REQUEST_ID = '00000000-0000-4000-8000-0000000000e1';
export const DEPT: OrgUnitDto = {
  id: '00000000-0000-4000-8000-0000000000d1',
  name: '区供电协调办',
  kind: 'department',
  createdAt: '2025-01-01T00:00:00.000Z',
  version: 1,
};
export const TOWN: OrgUnitDto = { ...DEPT, id: '00000000-0000-4000-8000-0000000000d2', name: '青年街道', kind: 'town' };

export const page = <T>(items: T[], nextCursor: string | null = null, total = items.length): Page<T> => ({
  items,
  nextCursor,
  total,
});

export function aRequest(overrides: Partial<EnterpriseRequestDto> = {}): EnterpriseRequestDto {
  return {
    id: REQUEST_ID,
    companyId: COMPANY_ID,
    companyName: '长客配套有限公司',
    category: 'utilities',
    cannotBeDone: false,
    description: '新厂房用电增容申请已提交一个月，尚未接电',
    source: 'enterprise',
    contactName: '王经理',
    contactMobile: '13812345678',
    orgUnitId: null,
    orgUnitName: null,
    routedAt: null,
    dueAt: new Date(Date.now() + 3 * 86_400_000 + 5 * 3_600_000 + 60_000).toISOString(),
    overdue: false,
    status: 'open',
    resolution: null,
    resolvedAt: null,
    resolvedById: null,
    escalatedAt: null,
    escalationReason: null,
    escalatedToId: null,
    confirmedAt: null,
    satisfaction: null,
    satisfactionComment: null,
    loggedById: null,
    loggedByName: null,
    createdAt: '2026-03-01T02:00:00.000Z',
    updatedAt: '2026-03-01T02:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function aCompany(overrides: Partial<AftercareCompanyDto> = {}): AftercareCompanyDto {
  return {
    companyId: COMPANY_ID,
    companyName: '长客配套有限公司',
    landed: true,
    aftercareEligible: false,
    inAftercare: true,
    responsibleLeader: null,
    affairsRep: null,
    version: 0,
    updatedAt: null,
    ...overrides,
  };
}

export const apiError = (statusCode: number, message: string, details?: { field: string; message: string }[]) => ({
  status: statusCode,
  body: { statusCode, error: 'Error', message, ...(details ? { details } : {}) },
});
