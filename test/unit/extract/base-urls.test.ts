// The provider of an OpenAI-SDK call pointed at another API by its base URL; unknown hosts go by the model's name.
import { strict as assert } from 'node:assert';
import { audit } from '../../../src/engine/audit';
import { withDefaults } from '../../../src/engine/options';
import { providerOfBaseUrl } from '../../../src/engine/extract/receivers';
import { load, type Fixture } from './helpers';

function providers(f: Fixture): [string, string][] {
  return f.result.calls.map((c) => [c.model?.value ?? '-', c.provider]);
}

describe('extract: provider from the base URL', () => {
  it('Python: OpenAI(base_url=...) for DeepSeek, Groq, OpenRouter, Gemini, Anthropic, Mistral, Together, xAI, Ollama, a proxy', async () => {
    const f = await load('python/base_urls.py');
    assert.deepEqual(providers(f), [
      ['deepseek-chat', 'deepseek'],
      ['llama-3.3-70b-versatile', 'groq'],
      ['anthropic/claude-3.5-sonnet', 'openrouter'],
      ['gemini-2.0-flash', 'google'],
      ['claude-3-5-haiku-latest', 'anthropic'],
      ['mistral-small-latest', 'mistral'],
      ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'together'],
      ['grok-3-mini', 'xai'],
      // localhost: the model's maker when its name says it, else unknown
      ['llama3.2', 'unknown'],
      ['deepseek-r1:7b', 'deepseek'],
      // a base URL only known at run time: the client's own provider
      ['gpt-4o-mini', 'openai'],
    ]);
    for (const c of f.result.calls) assert.equal(c.api, 'chat.completions.create');
  });

  it('TS: new OpenAI({ baseURL }) for Groq, OpenRouter, xAI, DeepSeek and a local server', async () => {
    const f = await load('ts/base_urls.ts');
    assert.deepEqual(providers(f), [
      ['llama-3.1-8b-instant', 'groq'],
      ['openai/gpt-4o-mini', 'openrouter'],
      ['grok-3', 'xai'],
      ['deepseek-reasoner', 'deepseek'],
      ['qwen2.5:7b', 'unknown'],
      ['claude-3-5-haiku-latest', 'anthropic'],
    ]);
  });

  it('reads the host, not words elsewhere in the URL', () => {
    assert.equal(providerOfBaseUrl('https://api.groq.com/openai/v1'), 'groq');
    assert.equal(providerOfBaseUrl('https://my-resource.openai.azure.com/openai/deployments/x'), 'openai');
    assert.equal(providerOfBaseUrl('https://us-central1-aiplatform.googleapis.com/v1/projects/p'), 'google');
    assert.equal(providerOfBaseUrl('http://localhost:8000/anthropic/v1'), 'unknown');
    assert.equal(providerOfBaseUrl('https://api.together.ai/v1'), 'together');
    assert.equal(providerOfBaseUrl('{BASE_URL}/v1'), 'unknown');
  });

  it('a local model of unknown price is "price unknown" (null), never $0', async () => {
    const text = `from openai import OpenAI
client = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")
r = client.chat.completions.create(model="llama3.2", max_tokens=100, messages=[{"role": "user", "content": "Say hi."}])
`;
    const result = await audit(text, 'python', withDefaults({}));
    const call = result.calls[0];
    assert.equal(call.provider, 'unknown');
    assert.equal(call.effectiveModel, 'llama3.2');
    assert.deepEqual([call.cost?.requestUsd, call.cost?.monthlyUsd, call.cost?.resolvedModel], [null, null, null]);
    assert.ok(result.diagnostics.some((d) => d.rule === 'unknown-model' && /price unknown/.test(d.message)));
  });
});
