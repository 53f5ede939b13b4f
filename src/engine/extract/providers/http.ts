/**
 * Raw HTTP requests to the providers' REST endpoints, as cookbooks write them: `requests.post(url, json=body)`,
 * `httpx.post(...)`, `session.post(...)`, `fetch(url, { body: JSON.stringify(body) })`, `axios.post(url, body)`.
 * The endpoint is recognized from the URL (a literal or a same-file constant); the body is read like the SDK request.
 */
import type { Provider } from '../../model';
import type { RequestSpec } from './types';

export interface HttpEndpoint {
  /** A fragment of the URL path that identifies the endpoint. */
  path: string;
  api: string;
  /** The provider when the host does not say otherwise. */
  provider: Provider;
  request: RequestSpec;
}

const chat: RequestSpec = { fields: { model: 'model', messages: 'messages', max_tokens: 'maxTokens', max_completion_tokens: 'maxTokens' } };

export const HTTP_ENDPOINTS: HttpEndpoint[] = [
  { path: '/chat/completions', api: 'chat.completions.create', provider: 'openai', request: chat },
  {
    path: '/v1/responses',
    api: 'responses.create',
    provider: 'openai',
    request: { fields: { model: 'model', instructions: { text: 'system' }, input: 'input', max_output_tokens: 'maxTokens' } },
  },
  {
    path: '/v1/messages',
    api: 'messages.create',
    provider: 'anthropic',
    request: { fields: { model: 'model', system: { text: 'system' }, messages: 'messages', max_tokens: 'maxTokens' } },
  },
  {
    path: ':generateContent',
    api: 'models.generateContent',
    provider: 'google',
    request: {
      fields: {
        contents: 'contents',
        systemInstruction: { text: 'system' },
        system_instruction: { text: 'system' },
        generationConfig: { nested: { fields: { maxOutputTokens: 'maxTokens', max_output_tokens: 'maxTokens' } } },
        generation_config: { nested: { fields: { maxOutputTokens: 'maxTokens', max_output_tokens: 'maxTokens' } } },
      },
    },
  },
  {
    path: '/v1/completions',
    api: 'completions.create',
    provider: 'openai',
    request: { fields: { model: 'model', prompt: { text: 'user' }, max_tokens: 'maxTokens' } },
  },
];

/** Call names that send HTTP requests (`requests.post`, `fetch`, `axios.post`...). */
export const HTTP_METHODS = new Set(['post', 'fetch', 'request']);

/** The endpoint a URL points at, if it is a provider's. */
export function endpointOf(url: string): HttpEndpoint | null {
  for (const e of HTTP_ENDPOINTS) if (url.includes(e.path)) return e;
  return null;
}

/** The model a Gemini REST URL names (`.../models/gemini-1.5-flash:generateContent`). */
export function modelInUrl(url: string): string | null {
  const at = url.indexOf('/models/');
  if (at < 0) return null;
  const rest = url.slice(at + '/models/'.length);
  const end = rest.search(/[:?/]/);
  const id = end < 0 ? rest : rest.slice(0, end);
  return id && !id.includes('{') && !id.includes('$') ? id : null;
}
