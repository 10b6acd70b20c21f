import { Input } from 'antd';
import { useState } from 'react';
import { useDebouncedCallback } from '../hooks/useDebouncedCallback';

/** A search box that reports what was typed once typing pauses (or at once on Enter). */
export function SearchInput({
  value,
  onSearch,
  placeholder,
  width = 260,
}: {
  value: string | undefined;
  onSearch: (value: string | undefined) => void;
  placeholder: string;
  width?: number;
}) {
  const [text, setText] = useState(value ?? '');
  const debounced = useDebouncedCallback((next: string) => onSearch(next.trim() || undefined), 350);
  // The URL changed under us (reset, back button): show its value.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value ?? '');
  }

  return (
    <Input.Search
      allowClear
      value={text}
      placeholder={placeholder}
      style={{ width }}
      maxLength={100}
      aria-label={placeholder}
      onChange={(event) => {
        setText(event.target.value);
        debounced.run(event.target.value);
      }}
      onSearch={(next) => {
        debounced.cancel();
        onSearch(next.trim() || undefined);
      }}
    />
  );
}
