import type { LeadSource, LeadStatus } from '@lianqiao/contracts';
import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<LeadStatus, string> = {
  new: 'blue',
  following: 'processing',
  qualified: 'green',
  converted: 'purple',
  invalid: 'default',
};

const SOURCE_COLORS: Record<LeadSource, string> = {
  roadshow: 'volcano',
  outbound_visit: 'geekblue',
  inbound_visit: 'cyan',
  online: 'blue',
  card_interest: 'magenta',
  business_referral: 'gold',
  homecoming: 'lime',
  other: 'default',
};

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`leads.statuses.${status}`)}</Tag>;
}

export function LeadSourceTag({ source }: { source: LeadSource }) {
  const { t } = useTranslation();
  return (
    <Tag color={SOURCE_COLORS[source]} variant="outlined">
      {t(`leads.sources.${source}`)}
    </Tag>
  );
}

/** Whole days a follow-up date is past (0 = due today), or null when it is still ahead. */
export function daysOverdue(nextFollowUpAt: string, now = dayjs()): number | null {
  const due = dayjs(nextFollowUpAt);
  if (due.isAfter(now)) return null;
  return now.startOf('day').diff(due.startOf('day'), 'day');
}

/** The next follow-up date, red with how late when it is past (for open leads). */
export function FollowUpDate({ at, status }: { at: string | null; status: LeadStatus }) {
  const { t } = useTranslation();
  if (!at) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const open = status === 'new' || status === 'following' || status === 'qualified';
  const late = open ? daysOverdue(at) : null;
  return (
    <span>
      {dayjs(at).format('YYYY-MM-DD')}
      {late !== null ? (
        <Tag color="red" style={{ marginInlineStart: 6 }}>
          {late === 0 ? t('leads.dueToday') : t('leads.overdue', { days: late })}
        </Tag>
      ) : null}
    </span>
  );
}
