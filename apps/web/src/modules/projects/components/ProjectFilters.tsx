import { CAPITAL_ORIGINS, PROJECT_STATUSES } from '@lianqiao/contracts';
import { Button, Checkbox, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UrlFilters } from '../../../shared/hooks/useUrlFilters';
import { SearchInput } from '../../../shared/layout';
import { ChainNodePicker } from '../../chains/components/ChainNodePicker';
import { PersonPicker } from '../../leads/components/PersonPicker';
import { useTeams } from '../../org/hooks/useOrg';

export const PROJECT_FILTER_KEYS = [
  'q',
  'stage',
  'teamId',
  'ownerId',
  'isKey',
  'stalled',
  'chainNode',
  'capitalOrigin',
  'sort',
] as const;
export type ProjectFilterKey = (typeof PROJECT_FILTER_KEYS)[number];

/** The list's and the board's filters; the board has no stage, stalled or capital filter. */
export function ProjectFilters({
  filters,
  onChange,
  board = false,
}: {
  filters: UrlFilters<ProjectFilterKey>;
  onChange: (patch: UrlFilters<ProjectFilterKey> | null) => void;
  board?: boolean;
}) {
  const { t } = useTranslation();
  const teams = useTeams();
  const anySet = Object.entries(filters).some(([key, value]) => key !== 'sort' && Boolean(value));
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchInput
        value={filters.q}
        placeholder={t('projects.searchPlaceholder')}
        onSearch={(q) => onChange({ q })}
        width={220}
      />
      {board ? null : (
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('projects.filters.stage')}
          aria-label={t('projects.filters.stage')}
          value={filters.stage}
          onChange={(stage) => onChange({ stage })}
          options={PROJECT_STATUSES.map((value) => ({ value, label: t(`projects.stages.${value}`) }))}
        />
      )}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 170 }}
        placeholder={t('projects.filters.team')}
        aria-label={t('projects.filters.team')}
        value={filters.teamId}
        onChange={(teamId) => onChange({ teamId })}
        options={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
      />
      <PersonPicker
        ariaLabel={t('projects.filters.owner')}
        placeholder={t('projects.filters.owner')}
        style={{ width: 120 }}
        value={filters.ownerId}
        onChange={(ownerId) => onChange({ ownerId })}
      />
      <ChainNodePicker
        aria-label={t('chains.picker.filter')}
        placeholder={t('chains.picker.filter')}
        style={{ width: 170 }}
        value={filters.chainNode}
        onChange={(chainNode) => onChange({ chainNode })}
      />
      {board ? null : (
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('projects.filters.capitalOrigin')}
          aria-label={t('projects.filters.capitalOrigin')}
          value={filters.capitalOrigin}
          onChange={(capitalOrigin) => onChange({ capitalOrigin })}
          options={CAPITAL_ORIGINS.map((value) => ({ value, label: t(`projects.capitalOrigins.${value}`) }))}
        />
      )}
      <Checkbox
        checked={filters.isKey === 'true'}
        onChange={(event) => onChange({ isKey: event.target.checked ? 'true' : undefined })}
      >
        {t('projects.filters.key')}
      </Checkbox>
      {board ? null : (
        <Checkbox
          checked={filters.stalled === 'true'}
          onChange={(event) => onChange({ stalled: event.target.checked ? 'true' : undefined })}
        >
          {t('projects.filters.stalled')}
        </Checkbox>
      )}
      {anySet ? (
        <Button
          type="link"
          onClick={() =>
            onChange({ ...Object.fromEntries(PROJECT_FILTER_KEYS.map((k) => [k, undefined])), sort: filters.sort })
          }
        >
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
