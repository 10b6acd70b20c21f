import type { Role } from '@lianqiao/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedCallback } from '../../../shared/hooks/useDebouncedCallback';
import { usersApi } from '../../users/api/users-api';
import { useUser } from '../../users/hooks/useUsers';

/** Picks a colleague (owner, responsible leader) by searching names on the server. */
export function PersonPicker({
  id,
  value,
  onChange,
  role,
  placeholder,
  style,
  ariaLabel,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  role?: Role;
  placeholder?: string;
  style?: React.CSSProperties;
  ariaLabel?: string;
}) {
  const [q, setQ] = useState('');
  const search = useDebouncedCallback((text: string) => setQ(text.trim()), 300);
  const people = useQuery({
    queryKey: ['users', 'picker', q, role ?? null],
    queryFn: ({ signal }) => usersApi.list({ q: q || undefined, role, active: 'true' }, undefined, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const chosen = useUser(value ?? undefined);
  const options = (people.data?.items ?? []).map((user) => ({ value: user.id, label: user.displayName }));
  if (chosen.data && !options.some((option) => option.value === chosen.data.id)) {
    options.unshift({ value: chosen.data.id, label: chosen.data.displayName });
  }
  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel}
      allowClear
      showSearch={{ filterOption: false, onSearch: (text) => search.run(text) }}
      loading={people.isFetching}
      value={value ?? undefined}
      placeholder={placeholder}
      style={style}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
    />
  );
}
