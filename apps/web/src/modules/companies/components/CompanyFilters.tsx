import { COMPANY_TAGS, OWNERSHIP_TYPES } from '@lianqiao/contracts';
import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UrlFilters } from '../../../shared/hooks/useUrlFilters';
import { SearchInput } from '../../../shared/layout';
import { ChainNodePicker } from '../../chains/components/ChainNodePicker';
import type { CompanyListFilters } from '../api/companies-api';
import { PROVINCES } from '../utils';

export const COMPANY_FILTER_KEYS = [
  'q',
  'isTarget',
  'isChainLeader',
  'chainNode',
  'tag',
  'ownership',
  'province',
  'sort',
] as const;
export type CompanyFilterKey = (typeof COMPANY_FILTER_KEYS)[number];

type Kind = 'target' | 'local' | 'leader';

function kindOf(filters: CompanyListFilters): Kind | undefined {
  if (filters.isChainLeader === 'true') return 'leader';
  if (filters.isTarget === 'true') return 'target';
  if (filters.isTarget === 'false') return 'local';
  return undefined;
}

export function CompanyFilters({
  filters,
  onChange,
}: {
  filters: CompanyListFilters;
  onChange: (patch: UrlFilters<CompanyFilterKey> | null) => void;
}) {
  const { t } = useTranslation();
  const anySet = Object.entries(filters).some(([key, value]) => key !== 'sort' && Boolean(value));
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchInput
        value={filters.q}
        placeholder={t('companies.searchPlaceholder')}
        onSearch={(q) => onChange({ q })}
        width={240}
      />
      <Select<Kind>
        allowClear
        style={{ width: 120 }}
        placeholder={t('companies.filters.kind')}
        aria-label={t('companies.filters.kind')}
        value={kindOf(filters)}
        onChange={(kind) =>
          onChange({
            isTarget: kind === 'target' ? 'true' : kind === 'local' ? 'false' : undefined,
            isChainLeader: kind === 'leader' ? 'true' : undefined,
          })
        }
        options={[
          { value: 'local', label: t('companies.filters.local') },
          { value: 'target', label: t('companies.filters.target') },
          { value: 'leader', label: t('companies.filters.chainLeader') },
        ]}
      />
      <ChainNodePicker
        aria-label={t('chains.picker.filter')}
        placeholder={t('chains.picker.filter')}
        style={{ width: 180 }}
        value={filters.chainNode}
        onChange={(chainNode) => onChange({ chainNode })}
      />
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('companies.filters.tag')}
        aria-label={t('companies.filters.tag')}
        value={filters.tag}
        onChange={(tag) => onChange({ tag })}
        options={COMPANY_TAGS.map((value) => ({ value, label: t(`companies.tags.${value}`) }))}
      />
      <Select
        allowClear
        style={{ width: 110 }}
        placeholder={t('companies.filters.ownership')}
        aria-label={t('companies.filters.ownership')}
        value={filters.ownership}
        onChange={(ownership) => onChange({ ownership })}
        options={OWNERSHIP_TYPES.map((value) => ({ value, label: t(`companies.ownership.${value}`) }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 110 }}
        placeholder={t('companies.filters.province')}
        aria-label={t('companies.filters.province')}
        value={filters.province}
        onChange={(province) => onChange({ province })}
        options={PROVINCES.map((value) => ({ value, label: value }))}
      />
      {anySet ? (
        <Button
          type="link"
          onClick={() =>
            onChange({ ...Object.fromEntries(COMPANY_FILTER_KEYS.map((k) => [k, undefined])), sort: filters.sort })
          }
        >
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
