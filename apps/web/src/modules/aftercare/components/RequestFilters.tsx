import { REQUEST_CATEGORIES, REQUEST_STATUSES, type RequestCategory, type RequestStatus } from '@lianqiao/contracts';
import { Button, Checkbox, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../shared/layout';
import type { RequestFilters as Filters } from '../api/aftercare-api';
import type { RequestFilterKey } from '../utils/filters';

export interface RequestFiltersProps {
  filters: Filters;
  departments: { id: string; name: string }[];
  /** The caller belongs to a department: offer 转办本部门. */
  hasDepartment: boolean;
  onChange: (patch: Partial<Record<RequestFilterKey, string | undefined>> | null) => void;
}

export function RequestFilters({ filters, departments, hasDepartment, onChange }: RequestFiltersProps) {
  const { t } = useTranslation();
  const anySet = Object.entries(filters).some(([key, value]) => key !== 'sort' && Boolean(value));
  const flag = (key: RequestFilterKey, label: string) => (
    <Checkbox
      checked={filters[key as keyof Filters] === 'true'}
      onChange={(e) => onChange({ [key]: e.target.checked ? 'true' : undefined })}
    >
      {label}
    </Checkbox>
  );
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchInput
        value={filters.q}
        placeholder={t('aftercare.requests.searchPlaceholder')}
        onSearch={(q) => onChange({ q })}
        width={220}
      />
      <Select<RequestStatus>
        allowClear
        style={{ width: 140 }}
        placeholder={t('aftercare.requests.filterStatus')}
        aria-label={t('aftercare.requests.filterStatus')}
        value={filters.status}
        onChange={(status) => onChange({ status })}
        options={REQUEST_STATUSES.map((status) => ({ value: status, label: t(`aftercare.statuses.${status}`) }))}
      />
      <Select<RequestCategory>
        allowClear
        style={{ width: 140 }}
        placeholder={t('aftercare.requests.filterCategory')}
        aria-label={t('aftercare.requests.filterCategory')}
        value={filters.category}
        onChange={(category) => onChange({ category })}
        options={REQUEST_CATEGORIES.map((category) => ({
          value: category,
          label: t(`aftercare.categories.${category}`),
        }))}
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 180 }}
        placeholder={t('aftercare.requests.filterDepartment')}
        aria-label={t('aftercare.requests.filterDepartment')}
        value={filters.orgUnitId}
        onChange={(orgUnitId) => onChange({ orgUnitId })}
        options={departments.map((unit) => ({ value: unit.id, label: unit.name }))}
      />
      {flag('overdue', t('aftercare.requests.filterOverdue'))}
      {flag('cannotBeDone', t('aftercare.requests.filterCannotBeDone'))}
      {hasDepartment ? flag('routedToMe', t('aftercare.requests.filterRoutedToMe')) : null}
      {anySet ? (
        <Button type="link" onClick={() => onChange(null)}>
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
