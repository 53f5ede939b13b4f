/**
 * The audit worker: a worker_thread that owns the engine for the extension (bundled as dist/audit-worker.js).
 * Parsing, tokenizing and pricing happen here, never on the extension host's thread. Requests are answered in the
 * order they complete; every request gets an answer (an error string rather than a crash).
 */
import { parentPort } from 'node:worker_threads';
import { audit, priceInput } from '../../engine/audit';
import { configureVocabularies, familyFor, tokenizerFor } from '../../engine/count';
import type { LanguageId } from '../../engine/model';
import { catalogInfo, catalogModels, cheaperAlternatives, rateAt } from '../../engine/price';
import { SourceText } from '../../engine/rules';
import { switchModelFixes } from '../../engine/rules/fixes/switch-model';
import { readSourceFile } from '../../workspace/files';
import { DocumentSession } from './document-session';
import { missingVocabulariesOf } from './missing-vocabularies';
import type { EngineRequest, EngineResponses, RequestMessage, ResponseMessage } from './protocol';

const sessions = new Map<string, DocumentSession>();

/** Small snippets in each language: enough to load the grammar, compile its queries and warm V8 on them. */
const WARM_UP_SNIPPETS: Record<LanguageId, string> = {
  python: 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}])\n',
  typescript: 'import OpenAI from "openai";\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] });\n',
  typescriptreact: 'const client = new OpenAI();\nexport const A = () => <div>{String(client)}</div>;\n',
  javascript: 'const client = new OpenAI();\nawait client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] });\n',
  javascriptreact: 'const client = new OpenAI();\nexport const A = () => <div>{String(client)}</div>;\n',
};

async function handle(request: EngineRequest): Promise<EngineResponses[EngineRequest['kind']]> {
  switch (request.kind) {
    case 'configure':
      configureVocabularies({ cacheDir: request.vocabularies.cacheDir, allowDownload: request.vocabularies.allowDownload });
      return null;
    case 'open': {
      const existing = sessions.get(request.uri);
      if (existing && existing.language === request.language) existing.replace(request.version, request.text);
      else {
        existing?.dispose();
        sessions.set(request.uri, new DocumentSession(request.language, request.version, request.text));
      }
      return null;
    }
    case 'edit': {
      const session = sessions.get(request.uri);
      return { resync: !session || !session.applyEdits(request.fromVersion, request.version, request.changes) };
    }
    case 'analyze': {
      const session = sessions.get(request.uri);
      if (!session || session.version !== request.version) return null; // superseded: a newer request follows
      const started = performance.now();
      const { version, result } = await session.analyze(request.options);
      const engineMs = performance.now() - started;
      return { uri: request.uri, version, result, engineMs, missingVocabularies: missingVocabulariesOf(result, request.options.defaultModel) };
    }
    case 'close':
      sessions.get(request.uri)?.dispose();
      sessions.delete(request.uri);
      return null;
    case 'auditText':
      return audit(request.text, request.language, request.options);
    case 'auditFile': {
      const read = await readSourceFile({ path: request.displayPath, absPath: request.path }, request.options.maxFileBytes);
      if (!read.ok) return read;
      return { ok: true as const, result: await audit(read.text, request.language, request.options) };
    }
    case 'count': {
      return priceInput({ text: request.text, templated: false }, request.options.defaultModel, request.options);
    }
    case 'catalog': {
      const info = catalogInfo();
      return {
        catalogDate: info.catalogDate,
        source: info.source,
        ageDays: info.ageDays,
        stale: info.stale,
        models: catalogModels().map((m) => ({
          id: m.id,
          provider: m.provider,
          name: m.name,
          inputPer1M: rateAt(m.input, 0),
          outputPer1M: rateAt(m.output, 0),
          contextWindow: m.contextWindow,
          deprecated: m.deprecated === true,
        })),
      };
    }
    case 'alternatives':
      return cheaperAlternatives(
        request.model,
        { inputTokens: request.inputTokens, outputTokens: request.outputTokens },
        { sameProviderOnly: false, limit: 5, overrides: request.options.priceOverrides },
      );
    case 'modelSwitches': {
      const session = sessions.get(request.uri);
      if (!session || session.version !== request.version) return null;
      return switchModelFixes(new SourceText(session.currentText, session.language), request.call, request.options, undefined, request.limit);
    }
    case 'loadTokenizer': {
      // The family itself, not tokenizerFor(): its failure reason is the answer, not a fallback tokenizer.
      try {
        const tokenizer = await familyFor(request.model).load();
        return { ok: true as const, tokenizer: tokenizer.name, accuracy: tokenizer.accuracy };
      } catch (err) {
        return { ok: false as const, reason: err instanceof Error ? err.message : String(err) };
      }
    }
    case 'warmUp': {
      const started = performance.now();
      for (const language of request.languages) await audit(WARM_UP_SNIPPETS[language], language, request.options);
      const tokenizer = await tokenizerFor(request.options.defaultModel);
      await tokenizer.count('warm up');
      return { ms: performance.now() - started };
    }
  }
}

const port = parentPort;
if (port) {
  port.on('message', (message: RequestMessage) => {
    handle(message).then(
      (value) => port.postMessage({ id: message.id, ok: true, value } satisfies ResponseMessage),
      (err: unknown) => port.postMessage({ id: message.id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) } satisfies ResponseMessage),
    );
  });
}
