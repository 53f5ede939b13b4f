/** Vercel AI SDK (`ai`): generateText / streamText / generateObject / streamObject with `model: openai('...')`. */
import type { ProviderTable } from './types';

export const vercelAi: ProviderTable = {
  apis: [
    {
      provider: 'vercel-ai',
      api: '{method}',
      methods: ['generateText', 'streamText', 'generateObject', 'streamObject'],
      functionOf: ['ai'],
      request: {
        fields: {
          model: 'modelFactory',
          system: { text: 'system' },
          prompt: 'input',
          messages: 'messages',
          maxTokens: 'maxTokens',
          maxOutputTokens: 'maxTokens',
        },
      },
    },
  ],
};
