/** The provider registry: one table per SDK family, one line each. */
import type { ApiSpec, ClientSpec, ConfiguratorSpec, ProviderTable } from './types';
import { openai } from './openai';
import { anthropic } from './anthropic';
import { google } from './google';
import { vercelAi } from './vercel-ai';
import { langchain, MESSAGE_CLASSES } from './langchain';
import { others } from './others';

const TABLES: ProviderTable[] = [openai, anthropic, google, vercelAi, langchain, others];

export const APIS: ApiSpec[] = TABLES.flatMap((t) => t.apis);
export const CONFIGURATORS: ConfiguratorSpec[] = TABLES.flatMap((t) => t.configurators ?? []);
export const CLIENTS: ClientSpec[] = TABLES.flatMap((t) => t.clients ?? []);

/** Every call name extraction needs to look at, so the index keeps only those. */
export const CALL_NAMES: ReadonlySet<string> = new Set([
  ...APIS.flatMap((a) => a.methods),
  ...CONFIGURATORS.flatMap((c) => c.names),
  ...CLIENTS.flatMap((c) => c.names),
  ...MESSAGE_CLASSES,
]);

export type { ApiSpec, ClientSpec, ConfiguratorSpec, ConfiguratorKind, FieldKind, RequestSpec } from './types';
export { LANGCHAIN_MODULES, MESSAGE_CLASSES } from './langchain';
