/**
 * LangChain (Python and JS): chat model classes carry the model and max tokens; prompt templates and message classes
 * carry the prompts; `invoke` / `stream` / `batch` (also on `prompt | llm` chains) send the request.
 */
import type { ProviderTable, RequestSpec } from './types';

const chatModel: RequestSpec = {
  positional: ['model'],
  fields: {
    model: 'model',
    model_name: 'model',
    modelName: 'model',
    max_tokens: 'maxTokens',
    maxTokens: 'maxTokens',
    max_output_tokens: 'maxTokens',
    maxOutputTokens: 'maxTokens',
    max_tokens_to_sample: 'maxTokens',
  },
};

/** Message classes whose content is a prompt wherever they appear. */
export const MESSAGE_CLASSES = ['SystemMessage', 'HumanMessage', 'AIMessage', 'ChatMessage'];

/** Few-shot prompt templates, whose `examples` list is sent as example turns. */
export const FEW_SHOT_CLASSES = ['FewShotPromptTemplate', 'FewShotChatMessagePromptTemplate'];

export const LANGCHAIN_MODULES = ['langchain', 'langchain_openai', 'langchain_anthropic', 'langchain_google_genai', 'langchain_core', 'langchain_community', '@langchain/'];

export const langchain: ProviderTable = {
  apis: [
    {
      provider: 'langchain',
      api: '{method}',
      methods: ['invoke', 'ainvoke', 'stream', 'astream', 'batch', 'abatch', 'predict', 'apredict', 'predict_messages', 'run', 'arun', 'call'],
      on: ['langchain-model', 'langchain-chain'],
      request: { positional: ['input'], fields: { input: 'langchainInput' } },
    },
  ],
  configurators: [
    {
      kind: 'langchain-model',
      provider: 'langchain',
      names: [
        'ChatOpenAI', 'AzureChatOpenAI', 'ChatAnthropic', 'ChatGoogleGenerativeAI', 'ChatVertexAI', 'ChatMistralAI', 'ChatCohere',
        'ChatDeepSeek', 'ChatGroq', 'ChatBedrock', 'ChatBedrockConverse', 'ChatFireworks', 'ChatTogether', 'ChatXAI', 'init_chat_model', 'initChatModel',
      ],
      request: chatModel,
    },
    // langchain_openai.OpenAI / langchain.llms.OpenAI (completion models): same name as the OpenAI client, so by import only.
    { kind: 'langchain-model', provider: 'langchain', names: ['OpenAI', 'Anthropic'], modules: LANGCHAIN_MODULES, request: chatModel },
    {
      kind: 'langchain-prompt',
      provider: 'langchain',
      names: ['from_messages', 'fromMessages'],
      path: ['ChatPromptTemplate'],
      request: { positional: ['messages'], fields: { messages: 'messages' } },
    },
    { kind: 'langchain-prompt', provider: 'langchain', names: ['ChatPromptTemplate'], request: { positional: ['messages'], fields: { messages: 'messages' } } },
    {
      kind: 'langchain-prompt',
      provider: 'langchain',
      names: ['from_template', 'fromTemplate'],
      path: ['ChatPromptTemplate'],
      request: { positional: ['template'], fields: { template: { text: 'user' } } },
    },
    {
      kind: 'langchain-prompt',
      provider: 'langchain',
      names: ['from_template', 'fromTemplate'],
      path: ['PromptTemplate'],
      request: { positional: ['template'], fields: { template: { text: 'user' } } },
    },
    { kind: 'langchain-prompt', provider: 'langchain', names: ['PromptTemplate'], request: { fields: { template: { text: 'user' } } } },
    // Few-shot templates: the examples are sent with every request, between the prefix and the suffix.
    {
      kind: 'langchain-prompt',
      provider: 'langchain',
      names: FEW_SHOT_CLASSES,
      request: { fields: { examples: 'examples', prefix: { text: 'user' }, suffix: { text: 'user' } } },
    },
    // Chains and agents built from a model and a prompt: their settings come from whatever they were built from.
    {
      kind: 'langchain-chain',
      provider: 'langchain',
      names: [
        'LLMChain', 'ConversationChain', 'create_stuff_documents_chain', 'create_retrieval_chain', 'create_history_aware_retriever',
        'load_qa_chain', 'from_chain_type', 'from_llm', 'create_sql_query_chain', 'create_react_agent', 'create_tool_calling_agent',
        'create_openai_tools_agent', 'create_openai_functions_agent', 'AgentExecutor', 'createStuffDocumentsChain', 'createRetrievalChain',
        'createReactAgent', 'createToolCallingAgent',
      ],
      request: { fields: {} },
    },
  ],
};
