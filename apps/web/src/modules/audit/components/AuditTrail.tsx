import { Alert, Empty, Flex, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import type { AuditEntryDto } from '../api/audit-api';
import { useAuditTrail } from '../hooks/useAuditTrail';

/** Bookkeeping columns that change with every write and say nothing to a reader. */
const NOISE = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'version',
  'normalizedName',
  'company',
  'owner',
  'responsibleLeader',
]);

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'cyan',
  merge: 'purple',
  merged_into: 'purple',
  transition: 'gold',
  convert: 'geekblue',
};

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields whose values differ between before and after (all set fields for a create). */
export function changesOf(entry: Pick<AuditEntryDto, 'before' | 'after'>): FieldChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => !NOISE.has(field))
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

const LABEL_NAMESPACES = [
  'projects.evidence',
  'projects.fields',
  'leads.fields',
  'companies.fields',
  'companies.contacts',
];

function fieldLabel(field: string, t: TFunction, exists: (key: string) => boolean): string {
  if (field === 'stage') return t('projects.columns.stage');
  if (field === 'status') return t('leads.columns.status');
  for (const namespace of LABEL_NAMESPACES) {
    const key = `${namespace}.${field}`;
    if (exists(key)) return t(key as 'projects.fields.name');
  }
  return field;
}

function show(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (Array.isArray(value)) return value.length ? value.join('、') : t('common.none');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return dayjs(value).format('YYYY-MM-DD HH:mm');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** 操作记录: who changed what and when, with each field before and after. */
export function AuditTrail({ entity, entityId }: { entity: string; entityId: string }) {
  const { t, i18n } = useTranslation();
  const trail = useAuditTrail(entity, entityId);
  const exists = (key: string) => i18n.exists(key);

  if (trail.isLoading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (trail.isError) return <Alert type="error" showIcon title={describeError(trail.error, t)} />;
  const entries = trail.data?.items ?? [];
  if (entries.length === 0) return <Empty description={t('audit.empty')} />;

  return (
    <Timeline
      items={entries.map((entry) => {
        const changes = entry.action === 'create' || entry.action === 'delete' ? [] : changesOf(entry);
        return {
          key: entry.id,
          color: ACTION_COLORS[entry.action] ?? 'gray',
          content: (
            <Flex vertical gap={8} style={{ paddingBottom: 8 }}>
              <Flex gap={8} align="center" wrap>
                <Tag color={ACTION_COLORS[entry.action]} style={{ marginInlineEnd: 0 }}>
                  {i18n.exists(`audit.actions.${entry.action}`)
                    ? t(`audit.actions.${entry.action}` as 'audit.actions.create')
                    : entry.action}
                </Tag>
                <Typography.Text strong>{entry.actorName ?? t('audit.system')}</Typography.Text>
                <Typography.Text type="secondary">
                  {dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm:ss')}
                </Typography.Text>
              </Flex>
              {changes.length > 0 ? (
                <Table<FieldChange>
                  size="small"
                  rowKey="field"
                  pagination={false}
                  dataSource={changes}
                  style={{ maxWidth: 760 }}
                  columns={[
                    {
                      title: t('audit.field'),
                      dataIndex: 'field',
                      width: 180,
                      render: (field: string) => fieldLabel(field, t, exists),
                    },
                    {
                      title: t('audit.before'),
                      dataIndex: 'before',
                      render: (value: unknown) => (
                        <Typography.Text delete type="secondary">
                          {show(value, t)}
                        </Typography.Text>
                      ),
                    },
                    { title: t('audit.after'), dataIndex: 'after', render: (value: unknown) => show(value, t) },
                  ]}
                />
              ) : entry.action === 'update' ? (
                <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
              ) : null}
            </Flex>
          ),
        };
      })}
    />
  );
}
