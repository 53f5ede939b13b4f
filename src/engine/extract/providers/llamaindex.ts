/**
 * LlamaIndex (Python `llama_index.llms.*`, TS `llamaindex` / `@llamaindex/*`): an LLM object carries the model, max
 * tokens and system prompt (`OpenAI(model=..., max_tokens=...)`, `new Anthropic({ model })`); `complete` / `chat` and
 * their async and streaming forms send the request. The class names are shared with the providers' own SDKs, so they
 * count only when imported from LlamaIndex.
 */
import type { Provider } from '../../model';
import type { ConfiguratorSpec, ProviderTable, RequestSpec } from './types';

const MODULES = ['llama_index', 'llamaindex', '@llamaindex/'];

const llm: RequestSpec = {
  positional: ['model'],
  fields: {
    model: 'model',
    model_name: 'model',
    max_tokens: 'maxTokens',
    maxTokens: 'maxTokens',
    max_new_tokens: 'maxTokens',
    num_output: 'maxTokens',
    system_prompt: { text: 'system' },
    systemPrompt: { text: 'system' },
  },
};

const classes = (provider: Provider, names: string[]): ConfiguratorSpec => ({ kind: 'llamaindex-llm', provider, names, modules: MODULES, request: llm });

export const llamaindex: ProviderTable = {
  apis: [
    {
      provider: 'unknown',
      api: '{method}',
      methods: ['complete', 'acomplete', 'stream_complete', 'astream_complete'],
      on: ['llamaindex-llm'],
      request: { positional: ['prompt'], fields: { prompt: { text: 'user' } } },
    },
    {
      provider: 'unknown',
      api: '{method}',
      methods: ['chat', 'achat', 'stream_chat', 'astream_chat'],
      on: ['llamaindex-llm'],
      request: { positional: ['messages'], fields: { messages: 'messages' } },
    },
  ],
  configurators: [
    classes('openai', ['OpenAI', 'AzureOpenAI', 'OpenAIResponses']),
    classes('anthropic', ['Anthropic']),
    classes('google', ['Gemini', 'GoogleGenAI', 'Vertex']),
    classes('mistral', ['MistralAI']),
    classes('deepseek', ['DeepSeek', 'DeepSeekLLM']),
    classes('cohere', ['Cohere']),
    classes('groq', ['Groq']),
    classes('openrouter', ['OpenRouter']),
    classes('together', ['TogetherLLM']),
    classes('xai', ['XAI']),
    classes('unknown', ['OpenAILike', 'Ollama', 'Bedrock', 'BedrockConverse', 'LiteLLM', 'Fireworks', 'Perplexity', 'HuggingFaceLLM', 'HuggingFaceInferenceAPI', 'LlamaCPP']),
  ],
};
