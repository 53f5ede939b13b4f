import type { Services } from '../services';

/** Prompt Auditor: Show Log. */
export function createShowLog(services: Services) {
  return (): void => services.log.channel.show(true);
}
