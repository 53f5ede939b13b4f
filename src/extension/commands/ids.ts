/** Command ids (contributed in package.json under the category "Prompt Auditor"). */
export const COMMAND = {
  showReport: 'promptAuditor.showReport',
  scanWorkspace: 'promptAuditor.scanWorkspace',
  toggleCodeLens: 'promptAuditor.toggleCodeLens',
  chooseDefaultModel: 'promptAuditor.chooseDefaultModel',
  showPriceCatalog: 'promptAuditor.showPriceCatalog',
  showLog: 'promptAuditor.showLog',
  /** CodeLens targets (hidden from the palette): they need a document and an item. */
  showCallBreakdown: 'promptAuditor.showCallBreakdown',
  showPromptDetails: 'promptAuditor.showPromptDetails',
} as const;
