import type { Role } from '@lianqiao/contracts';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedCallback } from '../../../shared/hooks/useDebouncedCallback';
import { useCompanySearch, useUserName, useUserOptions } from '../hooks/useAftercare';

export interface Known {
  id: string;
  name: string;
}

/** Options searched on the server, keeping the chosen one shown even when a search no longer lists it. */
function withKnown(options: Known[], known: Known | undefined | null): { value: string; label: string }[] {
  const list = options.map((o) => ({ value: o.id, label: o.name }));
  if (known && !list.some((o) => o.value === known.id)) list.unshift({ value: known.id, label: known.name });
  return list;
}

export interface UserSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Only users of these roles (a 包保领导 must be a leader or an admin). */
  roles?: readonly Role[];
  /** The chosen user's name when the caller already has it. */
  known?: Known | null;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  width?: number | string;
  id?: string;
  'aria-label'?: string;
}

/** Picks an active colleague by name, searching as one types. */
export function UserSelect(props: UserSelectProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebouncedCallback((next: string) => setQ(next.trim()), 300);
  const options = useUserOptions(q, props.roles);
  const value = props.value ?? undefined;
  const listed = options.data?.some((u) => u.id === value);
  const chosen = useUserName(value && !listed && props.known?.id !== value ? value : undefined);
  const known =
    props.known && props.known.id === value
      ? props.known
      : chosen.data
        ? { id: chosen.data.id, name: chosen.data.displayName }
        : null;
  const items = withKnown(
    (options.data ?? []).map((u) => ({ id: u.id, name: u.displayName })),
    known,
  );
  return (
    <Select<string>
      id={props.id}
      aria-label={props['aria-label']}
      value={value}
      onChange={(next) => props.onChange?.(next ?? undefined)}
      allowClear={props.allowClear}
      disabled={props.disabled}
      placeholder={props.placeholder}
      style={{ width: props.width ?? '100%' }}
      loading={options.isFetching}
      showSearch={{ filterOption: false, onSearch: debounced.run }}
      onOpenChange={(open) => !open && setQ('')}
      notFoundContent={options.isFetching ? t('app.loading') : undefined}
      options={items}
    />
  );
}

export interface CompanySelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** 'aftercare': only companies in aftercare (for requests); 'all': any company. */
  scope: 'aftercare' | 'all';
  known?: Known | null;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
}

export function CompanySelect(props: CompanySelectProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebouncedCallback((next: string) => setQ(next.trim()), 300);
  const options = useCompanySearch(q, props.scope);
  const items = useMemo(() => withKnown(options.data ?? [], props.known), [options.data, props.known]);
  return (
    <Select<string>
      id={props.id}
      value={props.value}
      onChange={(next) => props.onChange?.(next ?? undefined)}
      disabled={props.disabled}
      placeholder={props.placeholder}
      loading={options.isFetching}
      showSearch={{ filterOption: false, onSearch: debounced.run }}
      notFoundContent={options.isFetching ? t('app.loading') : undefined}
      options={items}
    />
  );
}
