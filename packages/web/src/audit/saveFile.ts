/**
 * Hands a file made in this tab to the browser as a download. The `blob:` URL is revoked right after
 * the click has started the download, so the audit data does not linger in the tab's memory.
 */
export function saveFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

/** The export's file name: the day it was made in the Netherlands, as the server names it. */
export function auditExportFileName(today: string): string {
  return `auditlog-${today}.csv`;
}
