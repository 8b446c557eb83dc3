/**
 * One record (or list) loaded when a page opens: the value, the failure, and a reload. Only the
 * latest request may set the result; an older, slower answer is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  value: T | null;
  failure: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the value with a newer one the caller already has (the answer to a save). */
  replace: (value: T) => void;
}

/**
 * `load` must be stable (a module function or a useCallback) or it is fetched on every render;
 * null when there is nothing to load yet (a record not created yet).
 */
export function useResource<T>(
  load: (() => Promise<T>) | null,
  onFailure?: (error: unknown) => void,
): Resource<T> {
  const [value, setValue] = useState<T | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [loading, setLoading] = useState(load !== null);
  const latest = useRef(0);
  const failureHandler = useRef(onFailure);
  failureHandler.current = onFailure;

  const reload = useCallback(() => {
    if (!load) return;
    const request = ++latest.current;
    setLoading(true);
    setFailure(null);
    load().then(
      (loaded) => {
        if (request !== latest.current) return;
        setValue(loaded);
        setLoading(false);
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setFailure(error);
        setLoading(false);
        failureHandler.current?.(error);
      },
    );
  }, [load]);

  useEffect(() => {
    reload();
    return () => {
      latest.current++;
    };
  }, [reload]);

  const replace = useCallback((next: T) => {
    latest.current++;
    setValue(next);
    setFailure(null);
    setLoading(false);
  }, []);

  return { value, failure, loading, reload, replace };
}
