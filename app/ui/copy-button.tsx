import { useEffect, useState, useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * A button that copies `value` (an account number, an amount) for pasting into a banking app on
 * the same phone. It appears once the page runs scripts and the browser offers the clipboard;
 * without them the value stays plain text a reader can select. The button says `text` with `what`
 * for screen readers (so its name holds the visible word); beside it a status says `done` for a
 * few seconds, or `failed` when the browser refused.
 */
export function CopyButton({ value, what, text, done, failed }: { value: string; what: string; text: string; done: string; failed: string }) {
  // false on the server and at hydration, then the browser's answer: no effect, no mismatch.
  const usable = useSyncExternalStore(
    never,
    () => Boolean(navigator.clipboard),
    () => false,
  );
  const [result, setResult] = useState<'done' | 'failed' | null>(null);
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(null), 4000);
    return () => clearTimeout(timer);
  }, [result]);
  if (!usable) return null;
  return (
    <>
      <button
        type="button"
        className="copy-button"
        onClick={() => {
          navigator.clipboard.writeText(value).then(
            () => setResult('done'),
            () => setResult('failed'),
          );
        }}
      >
        {text} <span className="visually-hidden">{what}</span>
      </button>
      <span role="status" className="muted small">
        {result === 'done' ? done : result === 'failed' ? failed : ''}
      </span>
    </>
  );
}
