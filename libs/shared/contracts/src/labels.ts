import type { LeadSource, LeadStatus, ProjectStatus, Role, OrgUnitKind } from './enums';

/** Chinese display names, shared by the console, exports and the import parser. */
export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', leader: '领导', staff: '招商专员' };
export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, string> = {
  department: '部门',
  town: '镇街',
  zone: '开发区',
};
export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: '新线索',
  following: '跟进中',
  qualified: '意向明确',
  converted: '已转项目',
  invalid: '无效',
};
export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  roadshow: '推介会',
  outbound_visit: '走出去拜访',
  inbound_visit: '请进来来访',
  online: '屏对屏/网络',
  card_interest: '扫码意向',
  business_referral: '以商招商',
  homecoming: '回归招商',
  other: '其他',
};
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  negotiating: '在谈',
  signed: '已签约',
  registered: '已落地注册',
  under_construction: '已开工',
  in_production: '已投产',
  on_hold: '暂缓',
  lost: '终止',
};
