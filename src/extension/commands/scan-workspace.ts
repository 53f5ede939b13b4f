import type { Services } from '../services';
import type { WorkspaceScanResult } from '../workspace/workspace-scan';

/** Prompt Auditor: Scan Workspace. Returns the scan (for tests and callers); the status bar tooltip shows its total. */
export function createScanWorkspace(services: Services) {
  return (): Promise<WorkspaceScanResult | null> => services.scanner.scan();
}
