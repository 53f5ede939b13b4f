import type { Services } from '../services';

/** Prompt Auditor: Discard Previewed Fix: closes the preview diff, the file stays as it is. */
export function createDiscardFixPreview(services: Services) {
  return (): Promise<boolean> => services.previews.discard();
}
