/**
 * A button that opens a confirmation in place: the confirmation's text takes the focus when it
 * opens, and the button gets it back when it closes. Reset to defaults and "Forget everything" use it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export function useConfirmation<T extends HTMLElement>() {
  const [confirming, setConfirming] = useState(false);
  const text = useRef<T>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) text.current?.focus();
  }, [confirming]);
  const close = () => {
    setConfirming(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  return { confirming, open: () => setConfirming(true), close, text, opener };
}
