/** Anthropic Python and TypeScript SDKs: Messages (system as a string or blocks) and the legacy Text Completions. */
import type { ProviderTable } from './types';

export const anthropic: ProviderTable = {
  apis: [
    {
      provider: 'anthropic',
      api: 'messages.{method}',
      methods: ['create', 'stream', 'parse'],
      path: ['messages'],
      // thinking.budget_tokens is a share of max_tokens, not a cap of its own: not read.
      request: { fields: { model: 'model', system: { text: 'system' }, messages: 'messages', max_tokens: 'maxTokens' } },
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
