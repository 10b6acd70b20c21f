import {
  AuditOutlined,
  CheckCircleOutlined,
  CloudUploadOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  MessageOutlined,
  RollbackOutlined,
  UserAddOutlined,
  UserSwitchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { NotificationKind } from '@lianqiao/contracts';
import type { ReactNode } from 'react';

const ICONS: Record<NotificationKind, { icon: ReactNode; color: string }> = {
  card_interest: { icon: <UserAddOutlined />, color: '#2e8b57' },
  card_submitted: { icon: <AuditOutlined />, color: '#1f5fbf' },
  card_approved: { icon: <CheckCircleOutlined />, color: '#2e8b57' },
  card_returned: { icon: <RollbackOutlined />, color: '#d48806' },
  lead_assigned: { icon: <UserSwitchOutlined />, color: '#1f5fbf' },
  follow_up_due: { icon: <ClockCircleOutlined />, color: '#d48806' },
  project_stalled: { icon: <WarningOutlined />, color: '#c83a3a' },
  request_overdue: { icon: <ExclamationCircleOutlined />, color: '#c83a3a' },
  request_submitted: { icon: <MessageOutlined />, color: '#1f5fbf' },
  import_finished: { icon: <CloudUploadOutlined />, color: '#389e0d' },
};

/** One icon and colour per kind, so a glance at the list tells interests from reviews and alarms. */
export function NotificationKindIcon({ kind }: { kind: NotificationKind }) {
  const { icon, color } = ICONS[kind];
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: 32,
        height: 32,
        borderRadius: 16,
        background: `${color}14`,
        color,
        fontSize: 16,
        flex: 'none',
      }}
    >
      {icon}
    </span>
  );
}
