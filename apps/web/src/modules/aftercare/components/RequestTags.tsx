import type { EnterpriseRequestDto, RequestCategory, RequestStatus } from '@lianqiao/contracts';
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deadlineState, formatSpan } from '../utils/deadline';

const STATUS_COLORS: Record<RequestStatus, string> = {
  open: 'blue',
  in_progress: 'processing',
  resolved: 'cyan',
  confirmed: 'success',
  escalated: 'error',
};

export function RequestStatusTag({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="request-status">
      {t(`aftercare.statuses.${status}`)}
    </Tag>
  );
}

export function CategoryTag({ category, cannotBeDone }: { category: RequestCategory; cannotBeDone?: boolean }) {
  const { t } = useTranslation();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag variant="outlined">{t(`aftercare.categories.${category}`)}</Tag>
      {cannotBeDone ? <Tag color="volcano">{t('aftercare.cannotBeDone')}</Tag> : null}
    </span>
  );
}

/** Re-renders every minute, so a countdown on screen stays true. */
function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The deadline as a countdown ("剩 3 天 5 小时"), red once passed ("逾期 2 天"); the date on hover. */
export function DeadlineTag({
  request,
  hideClosed = false,
}: {
  request: Pick<EnterpriseRequestDto, 'dueAt' | 'status'>;
  /** Show nothing once the request is resolved (where the date alone would say nothing). */
  hideClosed?: boolean;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const state = deadlineState(request.dueAt, request.status, now);
  const date = dayjs(request.dueAt).format('YYYY-MM-DD HH:mm');
  if (state.kind === 'closed') {
    if (hideClosed) return null;
    return (
      <span style={{ color: 'rgba(0,0,0,0.45)', whiteSpace: 'nowrap' }}>
        {dayjs(request.dueAt).format('YYYY-MM-DD')}
      </span>
    );
  }
  const label =
    state.kind === 'overdue'
      ? t('aftercare.deadline.overdue', { time: formatSpan(state.ms, t) })
      : t('aftercare.deadline.left', { time: formatSpan(state.ms, t) });
  return (
    <Tooltip title={date}>
      <Tag
        data-testid="deadline"
        color={state.kind === 'overdue' ? 'error' : state.soon ? 'warning' : 'default'}
        style={{ whiteSpace: 'nowrap' }}
      >
        {label}
      </Tag>
    </Tooltip>
  );
}
