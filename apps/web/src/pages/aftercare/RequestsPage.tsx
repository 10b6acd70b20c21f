import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { CreateRequestDrawer } from '../../modules/aftercare/components/CreateRequestDrawer';
import { RequestFilters } from '../../modules/aftercare/components/RequestFilters';
import { RequestsTable } from '../../modules/aftercare/components/RequestsTable';
import { useDepartments, useRequests } from '../../modules/aftercare/hooks/useAftercare';
import { REQUEST_FILTER_KEYS, requestFiltersFromUrl } from '../../modules/aftercare/utils/filters';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { LoadMoreFooter, PageHeader } from '../../shared/layout';

/** 企业诉求: every request the user may see — a department's users see what is routed to them. */
export default function RequestsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [raw, setFilters] = useUrlFilters(REQUEST_FILTER_KEYS);
  const filters = useMemo(() => {
    const parsed = requestFiltersFromUrl(raw);
    // 转办本部门 means nothing (and is a 400) for someone of no department.
    if (!me.orgUnitId) delete parsed.routedToMe;
    return parsed;
  }, [raw, me.orgUnitId]);
  const list = useRequests(filters);
  const { departments } = useDepartments();
  const [drawer, setDrawer] = useState({ open: false, key: 0 });

  return (
    <>
      <PageHeader
        title={t('aftercare.requests.title')}
        subtitle={t('aftercare.requests.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDrawer((current) => ({ open: true, key: current.key + 1 }))}
          >
            {t('aftercare.requests.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <RequestFilters
          filters={filters}
          departments={departments}
          hasDepartment={Boolean(me.orgUnitId)}
          onChange={setFilters}
        />
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <RequestsTable
          requests={list.items}
          loading={list.refreshing}
          sort={filters.sort}
          onSortChange={(sort) => setFilters({ sort })}
          emptyText={t('aftercare.requests.empty')}
        />
        <LoadMoreFooter list={list} />
      </Card>
      <CreateRequestDrawer
        key={drawer.key}
        open={drawer.open}
        departments={departments}
        onClose={() => setDrawer((current) => ({ ...current, open: false }))}
      />
    </>
  );
}
