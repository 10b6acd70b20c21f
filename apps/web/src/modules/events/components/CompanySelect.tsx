import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedCallback } from '../../../shared/hooks/useDebouncedCallback';
import { useCompanySearch } from '../hooks/useEvents';

/** Picks an existing company by typing part of its name (the server searches). */
export function CompanySelect({
  value,
  onChange,
  id,
  placeholder,
  style,
}: {
  value?: string;
  onChange?: (value: string | undefined, name: string | undefined) => void;
  id?: string;
  placeholder?: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useCompanySearch(q);
  const onSearch = useDebouncedCallback((text: string) => setQ(text.trim()), 300);
  const options = search.data?.items.map((company) => ({
    value: company.id,
    label: company.city ? `${company.name}（${company.city}）` : company.name,
    name: company.name,
  }));
  return (
    <Select
      id={id}
      style={style}
      value={value}
      allowClear
      showSearch={{ filterOption: false, onSearch: onSearch.run }}
      loading={search.isFetching}
      placeholder={placeholder ?? t('events.attendees.companySearch')}
      options={options}
      onChange={(next: string | undefined, option) =>
        onChange?.(next, Array.isArray(option) ? undefined : (option as { name?: string } | undefined)?.name)
      }
    />
  );
}
