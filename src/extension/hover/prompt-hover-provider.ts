import * as vscode from 'vscode';
import type { SettingsStore } from '../config/settings-store';
import { toRange } from '../convert/ranges';
import type { DocumentIndex } from '../index/document-index';
import { findPromptAt, hoverMarkdown, targetRange } from '../present/hover-markdown';
import type { UiTimings } from '../timing';

/** Hover on a prompt string: tokens, role, share of the request, $ per month, exact/approximate, tokenizer. */
export class PromptHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly index: DocumentIndex,
    private readonly settings: SettingsStore,
    private readonly timings: UiTimings,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    return this.timings.provide('hover.provide', undefined, () => {
      const entry = this.index.get(document.uri);
      if (!entry || entry.version !== document.version) return undefined; // offsets of another version would point elsewhere
      const target = findPromptAt(entry.result, document.offsetAt(position));
      if (!target) return undefined;
      const markdown = new vscode.MarkdownString(hoverMarkdown(target, this.settings.get(document.uri).audit.defaultModel));
      return new vscode.Hover(markdown, toRange(targetRange(target)));
    });
  }
}
