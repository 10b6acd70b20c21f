import { LEAD_SOURCES, LEAD_STATUSES } from '@lianqiao/contracts';
import { Button, Checkbox, DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { UrlFilters } from '../../../shared/hooks/useUrlFilters';
import { SearchInput } from '../../../shared/layout';
import { ChainNodePicker } from '../../chains/components/ChainNodePicker';
import { useTeams } from '../../org/hooks/useOrg';
import type { LeadListFilters } from '../api/leads-api';
import { PersonPicker } from './PersonPicker';

export const LEAD_FILTER_KEYS = [
  'q',
  'status',
  'source',
  'chainNode',
  'ownerId',
  'teamId',
  'from',
  'to',
  'overdue',
  'sort',
] as const;
export type LeadFilterKey = (typeof LEAD_FILTER_KEYS)[number];

/** Dates in the URL are plain days; the API takes a range of creation times [from, to). */
export function leadQueryOf(filters: LeadListFilters): LeadListFilters {
  return {
    ...filters,
    from: filters.from ? dayjs(filters.from).startOf('day').toISOString() : undefined,
    to: filters.to ? dayjs(filters.to).add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

export function LeadFilters({
  filters,
  onChange,
}: {
  filters: LeadListFilters;
  onChange: (patch: UrlFilters<LeadFilterKey> | null) => void;
}) {
  const { t } = useTranslation();
  const teams = useTeams();
  const anySet = Object.entries(filters).some(([key, value]) => key !== 'sort' && Boolean(value));
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchInput
        value={filters.q}
        placeholder={t('leads.searchPlaceholder')}
        onSearch={(q) => onChange({ q })}
        width={220}
      />
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('leads.filters.status')}
        aria-label={t('leads.filters.status')}
        value={filters.status}
        onChange={(status) => onChange({ status })}
        options={LEAD_STATUSES.map((value) => ({ value, label: t(`leads.statuses.${value}`) }))}
      />
      <Select
        allowClear
        style={{ width: 130 }}
        placeholder={t('leads.filters.source')}
        aria-label={t('leads.filters.source')}
        value={filters.source}
        onChange={(source) => onChange({ source })}
        options={LEAD_SOURCES.map((value) => ({ value, label: t(`leads.sources.${value}`) }))}
      />
      <ChainNodePicker
        aria-label={t('chains.picker.filter')}
        placeholder={t('chains.picker.filter')}
        style={{ width: 170 }}
        value={filters.chainNode}
        onChange={(chainNode) => onChange({ chainNode })}
      />
      <PersonPicker
        ariaLabel={t('leads.filters.owner')}
        placeholder={t('leads.filters.owner')}
        style={{ width: 120 }}
        value={filters.ownerId}
        onChange={(ownerId) => onChange({ ownerId })}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 170 }}
        placeholder={t('leads.filters.team')}
        aria-label={t('leads.filters.team')}
        value={filters.teamId}
        onChange={(teamId) => onChange({ teamId })}
        options={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
      />
      <DatePicker.RangePicker
        style={{ width: 240 }}
        placeholder={[t('leads.filters.createdFrom'), t('leads.filters.createdTo')]}
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        allowEmpty={[true, true]}
        onChange={(range) =>
          onChange({
            from: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
            to: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
      />
      <Checkbox
        checked={filters.overdue === 'true'}
        onChange={(event) => onChange({ overdue: event.target.checked ? 'true' : undefined })}
      >
        {t('leads.filters.overdue')}
      </Checkbox>
      {anySet ? (
        <Button
          type="link"
          onClick={() =>
            onChange({ ...Object.fromEntries(LEAD_FILTER_KEYS.map((k) => [k, undefined])), sort: filters.sort })
          }
        >
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
