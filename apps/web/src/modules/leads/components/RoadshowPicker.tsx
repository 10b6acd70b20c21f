import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useDebouncedCallback } from '../../../shared/hooks/useDebouncedCallback';
import { roadshowsApi } from '../../events/api/events-api';

/** The roadshow a lead was met at: its source link, so a signed deal traces back to the event. */
export function RoadshowPicker({
  id,
  value,
  onChange,
  placeholder,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
}) {
  const [q, setQ] = useState('');
  const search = useDebouncedCallback((text: string) => setQ(text.trim()), 300);
  const roadshows = useQuery({
    queryKey: ['roadshows', 'picker', q],
    queryFn: ({ signal }) => roadshowsApi.list({ q: q || undefined }, undefined, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: (text) => search.run(text) }}
      loading={roadshows.isFetching}
      value={value ?? undefined}
      placeholder={placeholder}
      onChange={(next) => onChange?.(next ?? null)}
      options={(roadshows.data?.items ?? []).map((roadshow) => ({
        value: roadshow.id,
        label: roadshow.name,
        meta: `${roadshow.city} · ${dayjs(roadshow.startsAt).format('YYYY-MM-DD')}`,
      }))}
      optionRender={(option) => (
        <span>
          {option.label}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {(option.data as { meta: string }).meta}
          </Typography.Text>
        </span>
      )}
    />
  );
}
