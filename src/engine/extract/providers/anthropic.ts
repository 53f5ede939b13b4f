/** Anthropic Python and TypeScript SDKs: Messages (system as a string or blocks) and the legacy Text Completions. */
import type { ProviderTable, RequestSpec } from './types';

// thinking.budget_tokens is a share of max_tokens, not a cap of its own: not read.
const messages: RequestSpec = { fields: { model: 'model', system: { text: 'system' }, messages: 'messages', max_tokens: 'maxTokens' } };

export const anthropic: ProviderTable = {
  apis: [
    { provider: 'anthropic', api: 'messages.{method}', methods: ['create', 'stream', 'parse'], path: ['messages'], request: messages },
    // Message Batches: every request in the batch is read (model, max tokens and prompts of each).
    {
      provider: 'anthropic',
      api: 'messages.batches.create',
      methods: ['create'],
      path: ['messages', 'batches'],
      request: { fields: { requests: { batch: messages, key: 'params' } } },
    },
  ],
  clients: [
    {
      provider: 'anthropic',
      names: ['Anthropic', 'AsyncAnthropic', 'AnthropicBedrock', 'AsyncAnthropicBedrock', 'AnthropicVertex', 'AsyncAnthropicVertex', 'AnthropicFoundry'],
      modules: ['anthropic', '@anthropic-ai/sdk', '@anthropic-ai/bedrock-sdk', '@anthropic-ai/vertex-sdk'],
    },
  ],
};
