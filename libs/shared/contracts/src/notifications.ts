/**
 * The in-app notification centre: what needs a user's attention. Kinds are a closed list so the
 * console can pick an icon and a filter per kind; a feature that needs a new kind adds it here.
 */
export const NOTIFICATION_KINDS = [
  'card_interest',
  'card_submitted',
  'card_approved',
  'card_returned',
  'lead_assigned',
  'follow_up_due',
  'project_stalled',
  'request_overdue',
  'request_submitted',
  'import_finished',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  card_interest: '扫码意向',
  card_submitted: '项目卡待审核',
  card_approved: '项目卡已发布',
  card_returned: '项目卡被退回',
  lead_assigned: '线索分派',
  follow_up_due: '跟进到期',
  project_stalled: '项目停滞',
  request_overdue: '诉求逾期',
  request_submitted: '企业新诉求',
  import_finished: '导入完成',
};

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  /** A console route (e.g. "/leads/…"), relative to the console's root. */
  link: string;
  readAt: string | null;
  createdAt: string;
}

export interface UnreadCountDto {
  count: number;
}

export interface ReadAllResultDto {
  updated: number;
}
