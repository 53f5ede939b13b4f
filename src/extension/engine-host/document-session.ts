import { audit, auditExtracted } from '../../engine/audit';
import { openDocument, type ContentChange, type ExtractDocument } from '../../engine/extract';
import type { AuditResult, LanguageId } from '../../engine/model';
import type { AuditOptions } from '../../engine/options';
import type { TextChange } from './protocol';

/**
 * The worker's copy of one open document: its text kept in step with the editor by applying each edit (so an edit
 * costs a few hundred bytes over postMessage, not the whole file), and an incremental extraction of it (the syntax
 * tree is re-parsed only around what changed) that is counted, priced and checked on demand.
 */
export class DocumentSession {
  private text: string;
  /** The incremental extraction and the text it last saw. */
  private extraction: Promise<ExtractDocument> | null = null;
  private extractedText: string | null = null;
  /** Edits since the extraction last saw the text: handed over when there is exactly one (the common keystroke). */
  private pendingChanges: ContentChange[] | null = [];
  private disposed = false;

  constructor(
    readonly language: LanguageId,
    public version: number,
    text: string,
  ) {
    this.text = text;
  }

  /** The text of `version` as the editor has it. */
  get currentText(): string {
    return this.text;
  }

  replace(version: number, text: string): void {
    this.version = version;
    this.text = text;
    this.pendingChanges = null; // unknown difference: the extraction diffs the texts itself
  }

  /** False when the edits do not follow the version this session holds (the caller then resends the text). */
  applyEdits(fromVersion: number, version: number, changes: TextChange[]): boolean {
    if (fromVersion !== this.version) return false;
    let text = this.text;
    for (const change of changes) {
      if (change.rangeOffset < 0 || change.rangeOffset + change.rangeLength > text.length) return false;
      text = text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
    }
    this.text = text;
    this.version = version;
    if (this.pendingChanges) this.pendingChanges.push(...changes);
    return true;
  }

  /** Audits the latest text; returns the version it audited (edits may arrive while the grammar loads). */
  async analyze(options: AuditOptions): Promise<{ version: number; result: AuditResult }> {
    // Over the limit: audit() says so without parsing; the extraction's memory is released.
    if (this.text.length > options.maxFileBytes) {
      this.release();
      return { version: this.version, result: await audit(this.text, this.language, options) };
    }
    if (!this.extraction) {
      const text = this.text;
      this.extractedText = text;
      this.pendingChanges = [];
      this.extraction = openDocument(text, this.language);
    }
    let extraction: ExtractDocument;
    try {
      extraction = await this.extraction;
    } catch {
      // The grammar could not load: the one-shot path reports why in its notes.
      this.release();
      return { version: this.version, result: await audit(this.text, this.language, options) };
    }
    // From here to auditExtracted's first await nothing else runs: text, version and extraction agree.
    const version = this.version;
    if (this.disposed) return { version, result: await audit(this.text, this.language, options) };
    if (this.extractedText !== this.text) {
      // One change is re-parsed around its span; several (or a replaced text) are found by diffing the texts.
      const changes = this.pendingChanges && this.pendingChanges.length === 1 ? this.pendingChanges : undefined;
      extraction.update(this.text, changes);
      this.extractedText = this.text;
      this.pendingChanges = [];
    }
    return { version, result: await auditExtracted(this.text, extraction.result(), options) };
  }

  dispose(): void {
    this.disposed = true;
    this.release();
  }

  private release(): void {
    const extraction = this.extraction;
    this.extraction = null;
    this.extractedText = null;
    this.pendingChanges = null;
    void extraction?.then((doc) => doc.dispose(), () => undefined);
  }
}
