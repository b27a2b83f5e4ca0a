/**
 * Files in and out of the options page: a download made on the device (a Blob URL), and the
 * import row the rules and the settings backup share: choose a file, say what came of it. A
 * refused file changes nothing, so it says why and never "Saved".
 */
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';

/** Offers `text` as a file download (a Blob URL on a temporary link; nothing leaves the device). */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Firefox reads the Blob after the click returns: revoke a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What came of an import: a line to announce, or the reason it was refused. */
export type ImportOutcome = { ok: true; message: string } | { ok: false; error: string };

export interface FileRowProps {
  /** Stable hook for tests ("file", "backup"). */
  name: string;
  importLabel: string;
  importHint: string;
  /** Said above the reason when a file is refused. */
  failed: string;
  /** The file's size was checked first (`tooBig` says so); reads and applies its text. */
  maxBytes: number;
  tooBig: string;
  onImport: (raw: string) => Promise<ImportOutcome>;
  /** The export button(s). */
  children: ComponentChildren;
}

export function FileRow({
  name,
  importLabel,
  importHint,
  failed,
  maxBytes,
  tooBig,
  onImport,
  children,
}: FileRowProps) {
  const id = useId();
  const [result, setResult] = useState<ImportOutcome | null>(null);
  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again
    if (!file) return;
    setResult(file.size > maxBytes ? { ok: false, error: tooBig } : await onImport(await file.text()));
  };
  return (
    <>
      <div class="file-row" data-file={name}>
        <div class="field">
          <label for={`${id}-import`} class="file-label">
            {importLabel}
          </label>
          <input
            id={`${id}-import`}
            type="file"
            accept="application/json,.json"
            aria-describedby={`${id}-import-hint`}
            onChange={onFile}
          />
          <p class="hint" id={`${id}-import-hint`}>
            {importHint}
          </p>
        </div>
        {children}
      </div>
      <div class="import-result" aria-live="polite">
        {result?.ok === true && <p class="ok">{result.message}</p>}
      </div>
      {result?.ok === false && (
        <div class="error import-error" role="alert">
          <p>{failed}</p>
          <p class="import-reason">{result.error}</p>
        </div>
      )}
    </>
  );
}
