/** OpenAI Python and Node SDKs: Chat Completions, Responses, legacy Completions and the pre-1.0 module API. */
import type { ProviderTable, RequestSpec } from './types';

const chat: RequestSpec = {
  fields: {
    model: 'model',
    messages: 'messages',
    max_tokens: 'maxTokens',
    max_completion_tokens: 'maxTokens',
  },
};

export const openai: ProviderTable = {
  apis: [
    { provider: 'openai', api: 'chat.completions.{method}', methods: ['create', 'parse', 'stream', 'runTools'], path: ['chat', 'completions'], request: chat },
    {
      provider: 'openai',
      api: 'responses.{method}',
      methods: ['create', 'stream', 'parse'],
      path: ['responses'],
      request: { fields: { model: 'model', instructions: { text: 'system' }, input: 'input', max_output_tokens: 'maxTokens' } },
    },
    {
      provider: 'openai',
      api: 'completions.create',
      methods: ['create'],
      path: ['completions'],
      request: { fields: { model: 'model', prompt: { text: 'user' }, max_tokens: 'maxTokens', max_tokens_to_sample: 'maxTokens' } },
    },
    // openai<1.0: openai.ChatCompletion.create(...), openai.Completion.create(...)
    { provider: 'openai', api: 'ChatCompletion.{method}', methods: ['create', 'acreate'], path: ['ChatCompletion'], request: chat },
    {
      provider: 'openai',
      api: 'Completion.{method}',
      methods: ['create', 'acreate'],
      path: ['Completion'],
      request: { fields: { model: 'model', engine: 'model', prompt: { text: 'user' }, max_tokens: 'maxTokens' } },
    },
    // openai-node v3: new OpenAIApi(configuration).createChatCompletion({...}) / .createCompletion({...})
    { provider: 'openai', api: '{method}', methods: ['createChatCompletion'], client: 'openai', modules: ['openai'], request: chat },
    {
      provider: 'openai',
      api: '{method}',
      methods: ['createCompletion'],
      client: 'openai',
      modules: ['openai'],
      request: { fields: { model: 'model', prompt: { text: 'user' }, max_tokens: 'maxTokens' } },
    },
  ],
  clients: [{ provider: 'openai', names: ['OpenAI', 'AsyncOpenAI', 'AzureOpenAI', 'AsyncAzureOpenAI', 'OpenAIApi'], modules: ['openai'] }],
};
