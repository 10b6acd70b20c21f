import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LeadListFilters } from '../../modules/leads/api/leads-api';
import { LEAD_FILTER_KEYS, LeadFilters, leadQueryOf } from '../../modules/leads/components/LeadFilters';
import { LeadFormDrawer } from '../../modules/leads/components/LeadFormDrawer';
import { LeadsTable } from '../../modules/leads/components/LeadsTable';
import { useLeadList } from '../../modules/leads/hooks/useLeads';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { LoadMoreFooter, PageHeader } from '../../shared/layout';

/** 线索: every lead the user may see, filtered and sorted on the server, the view kept in the URL. */
export default function LeadsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [rawFilters, setFilters] = useUrlFilters(LEAD_FILTER_KEYS);
  const filters = rawFilters as LeadListFilters;
  const query = useMemo(() => leadQueryOf(filters), [filters]);
  const list = useLeadList(query);
  const [drawer, setDrawer] = useState({ open: false, key: 0 });
  const openCreate = () => setDrawer((current) => ({ open: true, key: current.key + 1 }));
  const filtered = Object.entries(filters).some(([key, value]) => key !== 'sort' && Boolean(value));

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        subtitle={t('leads.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>
            {t('leads.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <LeadFilters filters={filters} onChange={setFilters} />
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <LeadsTable
          leads={list.items}
          loading={list.refreshing}
          sort={filters.sort}
          onSort={(sort) => setFilters({ sort })}
          empty={
            <Empty description={filtered ? t('leads.empty') : t('leads.emptyAll')}>
              {filtered ? null : (
                <Button type="primary" onClick={openCreate}>
                  {t('leads.create')}
                </Button>
              )}
            </Empty>
          }
        />
        <LoadMoreFooter list={list} />
      </Card>
      <LeadFormDrawer
        key={drawer.key}
        open={drawer.open}
        lead={null}
        onClose={() => setDrawer((current) => ({ ...current, open: false }))}
        onSaved={(lead) => navigate(`/leads/${lead.id}`)}
      />
    </>
  );
}
