import { Alert, Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestFilters } from '../../modules/aftercare/components/RequestFilters';
import { RequestsTable } from '../../modules/aftercare/components/RequestsTable';
import { useDepartments, useReviewRequests } from '../../modules/aftercare/hooks/useAftercare';
import { REQUEST_FILTER_KEYS, requestFiltersFromUrl } from '../../modules/aftercare/utils/filters';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { LoadMoreFooter, PageHeader } from '../../shared/layout';

/** 领导督办 · “办不成事”反映窗口: escalated requests and those that could not be done, for leaders. */
export default function RequestReviewPage() {
  const { t } = useTranslation();
  const [raw, setFilters] = useUrlFilters(REQUEST_FILTER_KEYS);
  const filters = useMemo(() => {
    const parsed = requestFiltersFromUrl(raw);
    delete parsed.routedToMe;
    return parsed;
  }, [raw]);
  const list = useReviewRequests(filters);
  const { departments } = useDepartments();

  return (
    <>
      <PageHeader title={t('aftercare.review.title')} subtitle={t('aftercare.review.subtitle')} />
      <Card variant="borderless">
        <RequestFilters filters={filters} departments={departments} hasDepartment={false} onChange={setFilters} />
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <RequestsTable
          requests={list.items}
          loading={list.refreshing}
          show={['company', 'reason']}
          sort={filters.sort}
          onSortChange={(sort) => setFilters({ sort })}
          emptyText={t('aftercare.review.empty')}
        />
        <LoadMoreFooter list={list} />
      </Card>
    </>
  );
}
