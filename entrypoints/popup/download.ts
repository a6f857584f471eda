import type { LogExport } from '@/data/protocol';

/** A Blob behind an <a download>: works in the popup and the full tab without the downloads permission. */
export function saveFile(file: Pick<LogExport, 'filename' | 'text'> & { mime: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the browser reads the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
