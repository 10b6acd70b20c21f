import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ORG_UNIT_KINDS, type OrgUnitDto, type OrgUnitKind } from '@lianqiao/contracts';
import { Alert, Button, Card, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgUnitFormModal } from '../../modules/org/components/OrgUnitFormModal';
import { useOrgUnits } from '../../modules/org/hooks/useOrg';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { PageHeader, SearchInput } from '../../shared/layout';

const FILTER_KEYS = ['q', 'kind'] as const;
const KIND_COLORS: Record<OrgUnitKind, string> = { department: 'blue', town: 'green', zone: 'purple' };

function isKind(value: string | undefined): value is OrgUnitKind {
  return (ORG_UNIT_KINDS as readonly string[]).includes(value ?? '');
}

/** 组织单位: departments, towns and development zones. */
export default function OrgUnitsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const units = useOrgUnits(filters.q);
  const kind = isKind(filters.kind) ? filters.kind : undefined;
  // The whole list comes in one page, so the kind filter is applied here.
  const rows = useMemo(
    () => (units.data?.items ?? []).filter((unit) => !kind || unit.kind === kind),
    [units.data, kind],
  );
  // A new key per opening gives the modal a fresh form.
  const [modal, setModal] = useState<{ open: boolean; unit: OrgUnitDto | null; key: number }>({
    open: false,
    unit: null,
    key: 0,
  });
  const openModal = (unit: OrgUnitDto | null) => setModal((current) => ({ open: true, unit, key: current.key + 1 }));

  const columns: TableColumnsType<OrgUnitDto> = [
    {
      title: t('orgUnits.columns.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('orgUnits.columns.kind'),
      dataIndex: 'kind',
      width: 180,
      render: (value: OrgUnitKind) => (
        <Tag color={KIND_COLORS[value]} variant="outlined">
          {t(`orgUnitKinds.${value}`)}
        </Tag>
      ),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 180,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, unit) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => openModal(unit)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('orgUnits.title')}
        subtitle={t('orgUnits.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openModal(null)}>
            {t('orgUnits.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <SearchInput
            value={filters.q}
            placeholder={t('orgUnits.searchPlaceholder')}
            onSearch={(q) => setFilters({ q })}
          />
          <Segmented<string>
            value={kind ?? ''}
            onChange={(value) => setFilters({ kind: value || undefined })}
            options={[
              { value: '', label: t('orgUnits.filterKind') },
              ...ORG_UNIT_KINDS.map((value) => ({ value, label: t(`orgUnitKinds.${value}`) })),
            ]}
          />
          <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
            {t('common.total', { total: rows.length })}
          </Typography.Text>
        </Flex>
        {units.isError ? (
          <Alert type="error" showIcon title={describeError(units.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<OrgUnitDto>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={units.isFetching}
          pagination={false}
          size="middle"
        />
      </Card>
      <OrgUnitFormModal
        key={modal.key}
        open={modal.open}
        unit={modal.unit}
        onClose={() => setModal((current) => ({ ...current, open: false }))}
      />
    </>
  );
}
