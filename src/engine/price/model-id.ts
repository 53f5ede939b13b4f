/**
 * Model ids as they arrive from code and settings -> the form catalogs and tokenizer families match on.
 * `openai('gpt-4o')` -> `gpt-4o`; `models/gemini-1.5-pro` -> `gemini-1.5-pro`; `openai/gpt-4o` -> `gpt-4o`;
 * `us.anthropic.claude-3-5-sonnet-20241022-v2:0` -> `claude-3-5-sonnet-20241022`; `claude-3-5-sonnet@20240620` ->
 * `claude-3-5-sonnet-20240620`. Lower-cased; never empty for non-blank input.
 */
export function normalizeModelId(raw: string): string {
  let id = raw.trim();
  // A provider-function call left as written: openai('gpt-4o'), anthropic("claude-3-5-haiku-latest"), google.chat(`...`).
  const call = /^[A-Za-z_$][\w$.]*\(\s*(['"`])(.+?)\1/.exec(id);
  if (call) id = call[2]!;
  id = id.replace(/^['"`]|['"`]$/g, '').trim().toLowerCase();
  // Path-like ids (OpenRouter `openai/gpt-4o`, Gemini `models/...`, Vertex `publishers/google/models/...`): the last segment names the model.
  if (id.includes('/')) id = id.slice(id.lastIndexOf('/') + 1);
  // Bedrock: region and vendor prefixes, version suffixes.
  id = id.replace(/^(?:(?:us|eu|apac|global)\.)?(?:anthropic|meta|mistral|cohere|amazon|deepseek|qwen)\./, '');
  id = id.replace(/-v\d+:\d+$/, '').replace(/:\d+$/, '');
  // Vertex dates: claude-3-5-sonnet@20240620.
  id = id.replace('@', '-');
  return id || raw.trim().toLowerCase();
}
