import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CompanyListFilters } from '../../modules/companies/api/companies-api';
import { CompaniesTable } from '../../modules/companies/components/CompaniesTable';
import { COMPANY_FILTER_KEYS, CompanyFilters } from '../../modules/companies/components/CompanyFilters';
import { CompanyFormDrawer } from '../../modules/companies/components/CompanyFormDrawer';
import { useCompanyList } from '../../modules/companies/hooks/useCompanies';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { LoadMoreFooter, PageHeader } from '../../shared/layout';

/** 企业库: every company, local and target, searchable by name or credit code, filtered in the URL. */
export default function CompaniesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [rawFilters, setFilters] = useUrlFilters(COMPANY_FILTER_KEYS);
  const filters = rawFilters as CompanyListFilters;
  const list = useCompanyList(filters);
  const [drawer, setDrawer] = useState({ open: false, key: 0 });
  const openCreate = () => setDrawer((current) => ({ open: true, key: current.key + 1 }));
  const filtered = Object.entries(filters).some(([key, value]) => key !== 'sort' && Boolean(value));

  return (
    <>
      <PageHeader
        title={t('companies.title')}
        subtitle={t('companies.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>
            {t('companies.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <CompanyFilters filters={filters} onChange={setFilters} />
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <CompaniesTable
          companies={list.items}
          loading={list.refreshing}
          sort={filters.sort}
          filtered={filtered}
          onSort={(sort) => setFilters({ sort })}
          onCreate={openCreate}
        />
        <LoadMoreFooter list={list} />
      </Card>
      <CompanyFormDrawer
        key={drawer.key}
        open={drawer.open}
        company={null}
        onClose={() => setDrawer((current) => ({ ...current, open: false }))}
        onSaved={(company) => navigate(`/companies/${company.id}`)}
      />
    </>
  );
}
