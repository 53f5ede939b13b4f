/**
 * Google Gemini: the `google-genai` / `@google/genai` client (`client.models.generate_content`, `client.chats.create`)
 * and the older `google-generativeai` / `@google/generative-ai` SDKs (`GenerativeModel(...)`, `getGenerativeModel`,
 * `start_chat` / `startChat`, `send_message` / `sendMessage`). Vertex AI's GenerativeModel reads the same way.
 */
import type { ProviderTable, RequestSpec } from './types';

const generationConfig: RequestSpec = {
  fields: {
    max_output_tokens: 'maxTokens',
    maxOutputTokens: 'maxTokens',
    system_instruction: { text: 'system' },
    systemInstruction: { text: 'system' },
  },
};

const modules = ['google.generativeai', 'google.genai', 'google', '@google/genai', '@google/generative-ai', 'vertexai.generative_models', 'vertexai.preview.generative_models', '@google-cloud/vertexai'];

export const google: ProviderTable = {
  apis: [
    {
      provider: 'google',
      api: 'models.{method}',
      methods: ['generate_content', 'generate_content_stream', 'generateContent', 'generateContentStream'],
      path: ['models'],
      request: {
        positional: ['model', 'contents'],
        fields: { model: 'model', contents: 'contents', config: { nested: generationConfig } },
      },
    },
    {
      provider: 'google',
      api: '{method}',
      methods: ['generate_content', 'generate_content_async', 'generateContent', 'generateContentStream'],
      on: ['google-model'],
      modules,
      request: {
        positional: ['contents'],
        fields: {
          contents: 'contents',
          generation_config: { nested: generationConfig },
          generationConfig: { nested: generationConfig },
          system_instruction: { text: 'system' },
          systemInstruction: { text: 'system' },
        },
      },
    },
    {
      provider: 'google',
      api: '{method}',
      methods: ['send_message', 'send_message_async', 'send_message_stream', 'sendMessage', 'sendMessageStream'],
      on: ['google-chat'],
      modules,
      request: {
        positional: ['message'],
        fields: { message: 'contents', content: 'contents', config: { nested: generationConfig }, generation_config: { nested: generationConfig } },
      },
    },
  ],
  configurators: [
    {
      kind: 'google-model',
      provider: 'google',
      names: ['GenerativeModel', 'getGenerativeModel'],
      request: {
        positional: ['model_name'],
        fields: {
          model_name: 'model',
          model: 'model',
          system_instruction: { text: 'system' },
          systemInstruction: { text: 'system' },
          generation_config: { nested: generationConfig },
          generationConfig: { nested: generationConfig },
        },
      },
    },
    {
      kind: 'google-chat',
      provider: 'google',
      names: ['start_chat', 'startChat'],
      on: ['google-model'],
      request: { fields: { history: 'contents', generationConfig: { nested: generationConfig }, systemInstruction: { text: 'system' } } },
    },
    {
      kind: 'google-chat',
      provider: 'google',
      names: ['create'],
      path: ['chats'],
      request: { fields: { model: 'model', config: { nested: generationConfig }, history: 'contents' } },
    },
  ],
  clients: [{ provider: 'google', names: ['Client', 'GoogleGenAI', 'GoogleGenerativeAI'], modules }],
};
