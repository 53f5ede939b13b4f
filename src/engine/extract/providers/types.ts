/**
 * The shape of a provider SDK table: which calls send a request (ApiSpec), which objects carry settings for later
 * calls (ConfiguratorSpec: a Gemini GenerativeModel, a LangChain chat model or prompt template), which constructors
 * make a client (ClientSpec), and how each request's fields map onto model / max tokens / prompts.
 */
import type { PromptRole, Provider } from '../../model';

export type FieldKind =
  /** The model id. */
  | 'model'
  /** Vercel AI SDK: `model: openai('gpt-4o')` (a provider function called with the id) or a plain id string. */
  | 'modelFactory'
  /** The output cap. */
  | 'maxTokens'
  /** A chat message list in any SDK's shape. */
  | 'messages'
  /** Gemini `contents`: a string, a list of strings/parts, or Content objects with role and parts. */
  | 'contents'
  /** A string (user prompt) or a message list (Responses `input`, Vercel `prompt`). */
  | 'input'
  /** LangChain `invoke` input: a string, messages, or a dict of template variables. */
  | 'langchainInput'
  /** Few-shot examples (`FewShotPromptTemplate(examples=[{...}])`): every text in the list is an example prompt. */
  | 'examples'
  /** A string, or text blocks, with a fixed role (`system=`, `instructions=`, `system_instruction=`). */
  | { text: PromptRole }
  /** A nested settings object (`config=`, `generation_config=`). */
  | { nested: RequestSpec }
  /** A list of whole requests under a key (`requests=[{custom_id, params: {...}}]`): each one's fields are read. */
  | { batch: RequestSpec; key: string };

export interface RequestSpec {
  /** Field names of positional arguments, in order (Python arguments; JS arguments when the first is not an options object). */
  positional?: string[];
  fields: Record<string, FieldKind>;
}

export type ConfiguratorKind = 'google-model' | 'google-chat' | 'langchain-model' | 'langchain-prompt' | 'langchain-chain' | 'llamaindex-llm';

export interface ApiSpec {
  provider: Provider;
  /** The stable label reported as CallSite.api; `{method}` is replaced by the method called. */
  api: string;
  /** Method (or function) names that send the request. */
  methods: string[];
  /** Names that must come right before the method in the callee chain (`['chat', 'completions']`); wrappers like `beta` or `with_raw_response` are skipped. */
  path?: string[];
  /** A bare function call (`generateText(...)`): the modules it may be imported from. */
  functionOf?: string[];
  /** A method called on an object made by one of these configurators (GenerativeModel -> generate_content). */
  on?: ConfiguratorKind[];
  /** The receiver must be a client of this provider (or, when the client cannot be resolved, the file imports `modules`). */
  client?: Provider;
  /** Modules whose import makes an unresolved receiver acceptable (`google.generativeai` for `model.generate_content`). */
  modules?: string[];
  request: RequestSpec;
}

export interface ConfiguratorSpec {
  kind: ConfiguratorKind;
  provider: Provider;
  /** Constructor, function or method names (`GenerativeModel`, `getGenerativeModel`, `start_chat`, `ChatOpenAI`). */
  names: string[];
  /** As ApiSpec.path. */
  path?: string[];
  /** Made from another configurator (`model.start_chat()`). */
  on?: ConfiguratorKind[];
  /** For names shared with other libraries (`OpenAI` is also the OpenAI client): the modules it must be imported from. */
  modules?: string[];
  request: RequestSpec;
}

export interface ClientSpec {
  provider: Provider;
  /** Constructor names (`OpenAI`, `AsyncAnthropic`, `GoogleGenAI`, `genai.Client` -> `Client` with module check). */
  names: string[];
  /** Import modules that make an ambiguous name (`Client`) this provider's client. */
  modules?: string[];
}

export interface ProviderTable {
  apis: ApiSpec[];
  configurators?: ConfiguratorSpec[];
  clients?: ClientSpec[];
}
