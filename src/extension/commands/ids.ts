/** Command ids (contributed in package.json under the category "Prompt Auditor"). */
export const COMMAND = {
  showReport: 'promptAuditor.showReport',
  scanWorkspace: 'promptAuditor.scanWorkspace',
  toggleCodeLens: 'promptAuditor.toggleCodeLens',
  chooseDefaultModel: 'promptAuditor.chooseDefaultModel',
  showPriceCatalog: 'promptAuditor.showPriceCatalog',
  showLog: 'promptAuditor.showLog',
  /** The open fix preview's buttons (shown in the palette while one is open). */
  applyFixPreview: 'promptAuditor.applyFixPreview',
  discardFixPreview: 'promptAuditor.discardFixPreview',
  /** CodeLens targets (hidden from the palette): they need a document and an item. */
  showCallBreakdown: 'promptAuditor.showCallBreakdown',
  showPromptDetails: 'promptAuditor.showPromptDetails',
  /** Code action target (hidden from the palette): it needs a document, its version and a fix. */
  previewFix: 'promptAuditor.previewFix',
} as const;
