/**
 * A background job's record, read again every `intervalMs` while `running(value)` says it is
 * still moving (an import's dry run or commit, an export): the progress bars of the console.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export function usePolling<T>(
  load: (() => Promise<T>) | null,
  running: (value: T) => boolean,
  intervalMs = 1000,
): { value: T | null; failure: unknown; refresh: () => void; set: (value: T) => void } {
  const [value, setValue] = useState<T | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const runningRef = useRef(running);
  runningRef.current = running;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is how refresh() restarts the polling
  useEffect(() => {
    if (!load) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      load().then(
        (loaded) => {
          if (stopped) return;
          setValue(loaded);
          setFailure(null);
          if (runningRef.current(loaded)) timer = setTimeout(poll, intervalMs);
        },
        (error: unknown) => {
          if (!stopped) setFailure(error);
        },
      );
    };
    poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [load, intervalMs, tick]);

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { value, failure, refresh, set: setValue };
}
