import type { UploadProgress } from '@osteopad/contract';

/** Percentage of the file read (0–100), or null when the size is unknown (no Content-Length). */
export function shareRead(progress: UploadProgress): number | null {
  if (progress.totalBytes === null || progress.totalBytes <= 0) return null;
  return Math.min(100, Math.round((progress.bytesRead / progress.totalBytes) * 100));
}
