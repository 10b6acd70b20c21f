import type { CompanyDto } from '@lianqiao/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedCallback } from '../../../shared/hooks/useDebouncedCallback';
import { companiesApi } from '../api/companies-api';
import { useCompany } from '../hooks/useCompanies';

/**
 * Picks one company by searching names or credit-code prefixes on the server (two Chinese
 * characters are enough). Shows the chosen company's name even before any search.
 */
export function CompanyPicker({
  id,
  value,
  onChange,
  excludeId,
  placeholder,
  style,
  disabled,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null, company: CompanyDto | null) => void;
  excludeId?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useDebouncedCallback((text: string) => setQ(text.trim()), 300);
  const results = useQuery({
    queryKey: ['companies', 'picker', q],
    queryFn: ({ signal }) => companiesApi.list({ q: q || undefined }, undefined, signal, 20),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const chosen = useCompany(value ?? undefined);
  const items = (results.data?.items ?? []).filter((company) => company.id !== excludeId);
  const options = [...items];
  if (chosen.data && !options.some((company) => company.id === chosen.data.id)) options.unshift(chosen.data);

  return (
    <Select<string>
      id={id}
      allowClear
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: (text) => search.run(text) }}
      value={value ?? undefined}
      placeholder={placeholder ?? t('companies.picker.placeholder')}
      style={style}
      notFoundContent={results.isFetching ? <Spin size="small" /> : t('companies.picker.none')}
      onChange={(next) => onChange?.(next ?? null, options.find((company) => company.id === next) ?? null)}
      options={options.map((company) => ({
        value: company.id,
        label: company.name,
        render: (
          <Space size={6}>
            <span>{company.name}</span>
            {company.isTarget ? <Tag color="purple">{t('companies.kind.target')}</Tag> : null}
            {company.uscc ? <Typography.Text type="secondary">{company.uscc}</Typography.Text> : null}
          </Space>
        ),
      }))}
      optionRender={(option) => (option.data as { render: React.ReactNode }).render}
    />
  );
}
