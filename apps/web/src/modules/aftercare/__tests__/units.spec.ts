import type { RequestStatsRowDto } from '@lianqiao/contracts';
import { i18n } from '../../../shared/i18n';
import { deadlineState, formatSpan } from '../utils/deadline';
import { companyFiltersFromUrl, cultivationFiltersFromUrl, requestFiltersFromUrl } from '../utils/filters';
import { formatHours, statsChartOption } from '../utils/stats-chart-option';
import { stepOf } from '../components/RequestTimeline';

const t = i18n.getFixedT('zh-CN');
const NOW = Date.parse('2026-03-01T00:00:00Z');
const HOUR = 3_600_000;

describe('deadlineState', () => {
  it('counts down while a request is open, and calls it soon inside two days', () => {
    expect(deadlineState(new Date(NOW + 50 * HOUR).toISOString(), 'open', NOW)).toEqual({
      kind: 'left',
      ms: 50 * HOUR,
      soon: false,
    });
    expect(deadlineState(new Date(NOW + 47 * HOUR).toISOString(), 'in_progress', NOW)).toEqual({
      kind: 'left',
      ms: 47 * HOUR,
      soon: true,
    });
  });

  it('says how late an open, in-progress or escalated request is', () => {
    expect(deadlineState(new Date(NOW - HOUR).toISOString(), 'escalated', NOW)).toEqual({ kind: 'overdue', ms: HOUR });
  });

  it('stops counting once the request is resolved or confirmed', () => {
    expect(deadlineState(new Date(NOW - HOUR).toISOString(), 'resolved', NOW)).toEqual({ kind: 'closed' });
    expect(deadlineState(new Date(NOW - HOUR).toISOString(), 'confirmed', NOW)).toEqual({ kind: 'closed' });
  });
});

describe('formatSpan', () => {
  it('speaks in the two coarsest units that say it', () => {
    expect(formatSpan(3 * 24 * HOUR + 5 * HOUR + 120_000, t)).toBe('3 天 5 小时');
    expect(formatSpan(12 * 24 * HOUR + 5 * HOUR, t)).toBe('12 天');
    expect(formatSpan(2 * 24 * HOUR, t)).toBe('2 天');
    expect(formatSpan(5 * HOUR + 59 * 60_000, t)).toBe('5 小时');
    expect(formatSpan(10_000, t)).toBe('1 分钟');
  });
});

describe('filters from the URL', () => {
  it('keep what the API accepts and drop the rest', () => {
    expect(
      requestFiltersFromUrl({
        q: ' 研奥 ',
        status: 'open',
        category: 'nope',
        overdue: 'true',
        cannotBeDone: 'false',
        sort: 'dueAt:asc',
      }),
    ).toEqual({ q: '研奥', status: 'open', overdue: 'true', sort: 'dueAt:asc' });
    expect(companyFiltersFromUrl({ leaderId: 'x', unassigned: 'true' })).toEqual({ unassigned: 'true' });
    expect(cultivationFiltersFromUrl({ goal: 'listing', achieved: 'maybe' })).toEqual({ goal: 'listing' });
  });
});

describe('statsChartOption', () => {
  it('draws hours and overdue as bars and satisfaction as a line, per department, naming the unrouted bucket', () => {
    const row = (overrides: Partial<RequestStatsRowDto>): RequestStatsRowDto => ({
      orgUnitId: 'd1',
      orgUnitName: '区行政审批局',
      count: 2,
      resolved: 2,
      overdue: 1,
      escalated: 0,
      medianHoursToResolve: 10,
      avgHoursToResolve: 12.5,
      avgSatisfaction: 4.5,
      ratedCount: 2,
      ...overrides,
    });
    const option = statsChartOption(
      [
        row({}),
        row({ orgUnitId: null, orgUnitName: '未转办', avgHoursToResolve: null, overdue: 0, avgSatisfaction: null }),
      ],
      t,
    );

    expect(option.xAxis.data).toEqual(['区行政审批局', '未转办']);
    expect(option.yAxis.map((axis) => [axis.name, 'max' in axis ? axis.max : undefined])).toEqual([
      ['小时', undefined],
      ['件', undefined],
      ['分', 5],
    ]);
    expect(option.series.map((s) => [s.name, s.type, s.data])).toEqual([
      ['平均办结时长（小时）', 'bar', [12.5, null]],
      ['逾期件数', 'bar', [1, 0]],
      ['平均满意度（分）', 'line', [4.5, null]],
    ]);
    expect(option.series.map((s) => s.yAxisIndex ?? 0)).toEqual([0, 1, 2]);
  });
});

describe('formatHours', () => {
  it('says hours up to two days, then days', () => {
    expect(formatHours(null, t)).toBe('—');
    expect(formatHours(20.5, t)).toBe('20.5 小时');
    expect(formatHours(47.9, t)).toBe('47.9 小时');
    expect(formatHours(60, t)).toBe('2.5 天');
  });
});

describe('stepOf', () => {
  const units = new Map([['d1', '区行政审批局']]);
  const entry = (action: string, actorName: string | null, after: Record<string, unknown> = {}) => ({
    id: action,
    entity: 'enterprise_request',
    entityId: 'r1',
    action,
    actorId: null,
    actorName,
    before: null,
    after,
    createdAt: '2026-03-01T00:00:00.000Z',
  });

  it('tells who did what: staff by name, the enterprise, or the system’s escalation', () => {
    expect(stepOf(entry('create', '赵代表'), units, t)).toMatchObject({ text: '登记诉求', who: '赵代表' });
    expect(stepOf(entry('create', null), units, t)).toMatchObject({ text: '企业扫码提交诉求', who: '企业' });
    expect(stepOf(entry('route', '赵代表', { orgUnitId: 'd1' }), units, t)).toMatchObject({
      text: '转办至 区行政审批局',
    });
    expect(stepOf(entry('route', '赵代表', { orgUnitId: 'gone' }), units, t)).toMatchObject({ text: '转办到部门' });
    expect(stepOf(entry('escalate', null, { escalationReason: 'overdue' }), units, t)).toMatchObject({
      text: '升级：逾期未办结',
      who: '系统',
      color: 'red',
    });
    expect(stepOf(entry('reject', null, { satisfaction: 2, satisfactionComment: '没解决' }), units, t)).toMatchObject({
      text: '企业不认可办理结果，满意度 2 分',
      detail: '没解决',
      who: '企业',
    });
  });
});
