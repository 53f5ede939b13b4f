import type { AuditResult, LanguageId } from './model';
import type { AuditOptions } from './options';
import { extract } from './extract';

/**
 * The one entry point of the engine: (text, language, options) -> AuditResult.
 * Pipeline: extract -> count -> price -> rules. Never throws: bad input comes back as notes.
 */
export async function audit(text: string, language: LanguageId, options: AuditOptions): Promise<AuditResult> {
  if (text.length > options.maxFileBytes) {
    return emptyResult(language, [`File skipped: ${text.length.toLocaleString('en-US')} characters is over the size limit (${options.maxFileBytes.toLocaleString('en-US')}).`]);
  }
  const extracted = await extract(text, language);
  return {
    language,
    directives: extracted.directives,
    calls: [],
    prompts: [],
    diagnostics: [],
    syntaxErrors: extracted.syntaxErrors,
    notes: [],
  };
}

function emptyResult(language: LanguageId, notes: string[]): AuditResult {
  return { language, directives: [], calls: [], prompts: [], diagnostics: [], syntaxErrors: 0, notes };
}
