/** Stored with every proposal; bump when a rule or the rule surfaces change what is proposed. */
export const EXTRACTION_RULES_VERSION = 'extraction-rules/1.13.1';
