import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type UrlFilters<K extends string> = Partial<Record<K, string>>;

/**
 * A list's filters and search kept in the URL's query string, so a filtered list can be
 * reloaded, bookmarked and sent to a colleague. Empty values are dropped from the URL.
 */
export function useUrlFilters<K extends string>(
  /** A constant declared outside the component, so that its identity never changes. */
  keys: readonly K[],
): [UrlFilters<K>, (patch: UrlFilters<K> | null) => void] {
  const [params, setParams] = useSearchParams();
  const serialized = params.toString();

  const filters = useMemo(() => {
    const current = new URLSearchParams(serialized);
    const result: UrlFilters<K> = {};
    for (const key of keys) {
      const value = current.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [serialized, keys]);

  const update = useCallback(
    (patch: UrlFilters<K> | null) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (patch === null) {
            for (const key of keys) next.delete(key);
          } else {
            for (const [key, value] of Object.entries(patch) as [K, string | undefined][]) {
              if (value) next.set(key, value);
              else next.delete(key);
            }
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams, keys],
  );

  return [filters, update];
}
