/** The provider registry: one table per SDK family, one line each. */
import type { ApiSpec, ClientSpec, ConfiguratorSpec, ProviderTable } from './types';
import { openai } from './openai';
import { anthropic } from './anthropic';
import { google } from './google';
import { vercelAi } from './vercel-ai';
import { langchain, MESSAGE_CLASSES } from './langchain';
import { others } from './others';
import { llamaindex } from './llamaindex';
import { HTTP_METHODS } from './http';

const TABLES: ProviderTable[] = [openai, anthropic, google, vercelAi, langchain, llamaindex, others];

export const APIS: ApiSpec[] = TABLES.flatMap((t) => t.apis);
export const CONFIGURATORS: ConfiguratorSpec[] = TABLES.flatMap((t) => t.configurators ?? []);
export const CLIENTS: ClientSpec[] = TABLES.flatMap((t) => t.clients ?? []);

/**
 * Every call name extraction evaluates as a candidate: API methods, and the constructors whose prompts count even
 * when no call in the file uses them (prompt templates, a model's system instruction, message classes). Clients and
 * chat-model constructors are not candidates: calls reach them through the names they are bound to.
 */
export const CALL_NAMES: ReadonlySet<string> = new Set([
  ...APIS.flatMap((a) => a.methods),
  ...HTTP_METHODS,
  ...CONFIGURATORS.filter((c) => c.kind === 'langchain-prompt' || c.kind === 'google-model').flatMap((c) => c.names),
  ...MESSAGE_CLASSES,
]);

export type { ApiSpec, ClientSpec, ConfiguratorSpec, ConfiguratorKind, FieldKind, RequestSpec } from './types';
export { LANGCHAIN_MODULES, MESSAGE_CLASSES } from './langchain';
export { HTTP_METHODS, endpointOf, modelInUrl, type HttpEndpoint } from './http';
