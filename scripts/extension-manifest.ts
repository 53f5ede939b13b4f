/**
 * Writes the `promptAuditor.rules` setting's schema in package.json from the rules registry: one object per rule id
 * with `enabled`, `severity` and the rule's own thresholds (default, bounds, description), so settings.json completes
 * and validates them. Usage: npm run manifest (the integration tests check the manifest is current).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/engine/rules';

type Schema = Record<string, unknown>;

export function rulesSchema(): Schema {
  const properties: Record<string, Schema> = {};
  for (const rule of RULES) {
    const settings: Record<string, Schema> = {
      enabled: { type: 'boolean', default: true, description: 'false turns the rule off' },
      severity: { type: 'string', enum: ['error', 'warning', 'info', 'hint'], default: rule.defaultSeverity, description: 'severity of its findings' },
    };
    for (const [name, spec] of Object.entries(rule.settings)) {
      const value = spec.default;
      const schema: Schema =
        typeof value === 'number'
          ? { type: Number.isInteger(value) ? 'integer' : 'number', ...(spec.min !== undefined ? { minimum: spec.min } : {}), ...(spec.max !== undefined ? { maximum: spec.max } : {}) }
          : typeof value === 'boolean'
            ? { type: 'boolean' }
            : { type: 'array', items: { type: 'string' } };
      settings[name] = { ...schema, default: value, description: spec.description };
    }
    properties[rule.id] = { type: 'object', description: rule.description, properties: settings, additionalProperties: false };
  }
  return properties;
}

if (require.main === module) {
  const path = join(__dirname, '..', 'package.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { contributes: { configuration: { properties: Record<string, Schema> } } };
  const setting = manifest.contributes.configuration.properties['promptAuditor.rules']!;
  setting.properties = rulesSchema();
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`package.json: promptAuditor.rules schema for ${RULES.length} rules`);
}
