import { useState, useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * A button that copies `value` (an account number, an amount) for pasting into a banking app on
 * the same phone. It appears once the page runs scripts and the browser offers the clipboard;
 * without them the value stays plain text a reader can select. `label` names what it copies for
 * screen readers; the button then says `done`.
 */
export function CopyButton({ value, label, text, done }: { value: string; label: string; text: string; done: string }) {
  // false on the server and at hydration, then the browser's answer: no effect, no mismatch.
  const usable = useSyncExternalStore(
    never,
    () => Boolean(navigator.clipboard),
    () => false,
  );
  const [copied, setCopied] = useState(false);
  if (!usable) return null;
  return (
    <button
      type="button"
      className="button-link copy-button"
      aria-label={label}
      onClick={() => {
        navigator.clipboard.writeText(value).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      <span aria-live="polite">{copied ? done : text}</span>
    </button>
  );
}
