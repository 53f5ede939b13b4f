import type { Services } from '../services';

/** Prompt Auditor: Apply Previewed Fix (the preview diff's ✓ button, and the notification's Apply). */
export function createApplyFixPreview(services: Services) {
  return (): Promise<boolean> => services.previews.apply();
}
