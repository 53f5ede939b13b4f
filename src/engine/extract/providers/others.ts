/** Other SDKs seen in examples: Mistral (`client.chat.complete`), Cohere (`co.chat`), LiteLLM (`completion`). */
import type { ProviderTable } from './types';

export const others: ProviderTable = {
  apis: [
    {
      provider: 'mistral',
      api: 'chat.{method}',
      methods: ['complete', 'stream', 'complete_async', 'stream_async'],
      path: ['chat'],
      request: { fields: { model: 'model', messages: 'messages', max_tokens: 'maxTokens', maxTokens: 'maxTokens' } },
    },
    {
      provider: 'cohere',
      api: 'chat',
      methods: ['chat', 'chat_stream'],
      client: 'cohere',
      modules: ['cohere', 'cohere-ai'],
      request: {
        fields: { model: 'model', message: { text: 'user' }, preamble: { text: 'system' }, messages: 'messages', chat_history: 'messages', max_tokens: 'maxTokens', maxTokens: 'maxTokens' },
      },
    },
    {
      provider: 'unknown',
      api: 'litellm.{method}',
      methods: ['completion', 'acompletion'],
      functionOf: ['litellm'],
      request: { fields: { model: 'model', messages: 'messages', max_tokens: 'maxTokens', max_completion_tokens: 'maxTokens' } },
    },
  ],
  clients: [
    { provider: 'mistral', names: ['Mistral', 'MistralClient', 'MistralAsyncClient'], modules: ['mistralai', '@mistralai/mistralai'] },
    { provider: 'cohere', names: ['Client', 'ClientV2', 'AsyncClient', 'AsyncClientV2', 'CohereClient', 'CohereClientV2'], modules: ['cohere', 'cohere-ai'] },
  ],
};
