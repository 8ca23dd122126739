// The audit report as SARIF 2.1.0 (one run, one rule per finding id, one result per finding),
// for code-scanning dashboards in CI.
import type { FindingId, Severity } from './findings.js';
import { RULES } from './findings.js';
import type { AuditReport } from './index.js';

const LEVEL: Record<Severity, 'note' | 'warning' | 'error'> = {
  low: 'note',
  medium: 'warning',
  high: 'error',
};

const SECURITY_SEVERITY: Record<Severity, string> = { low: '3.0', medium: '5.5', high: '8.0' };

export function toSarif(report: AuditReport, toolVersion: string): object {
  const ids = Object.keys(RULES) as FindingId[];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cors-conformance',
            version: toolVersion,
            informationUri:
              'https://github.com/cors-conformance/cors-conformance/blob/main/docs/audit.md',
            rules: ids.map((id) => ({
              id,
              name: id,
              shortDescription: { text: RULES[id].title },
              help: { text: RULES[id].fix },
              helpUri: `https://github.com/cors-conformance/cors-conformance/blob/main/docs/audit.md#${id}`,
            })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.id,
          ruleIndex: ids.indexOf(f.id),
          level: LEVEL[f.severity],
          message: {
            text: `${f.message}${f.proof !== undefined ? ` Browser proof (${f.proof.engine}, page on ${f.proof.attackerOrigin}): ${f.proof.read ? `read the body (status ${String(f.proof.status)})` : `could not read (${f.proof.error ?? 'blocked'})`}.` : ''} Fix: ${f.fix}`,
          },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: f.evidence.request.url } },
            },
          ],
          properties: {
            severity: f.severity,
            'security-severity': SECURITY_SEVERITY[f.severity],
            exploitable: f.exploitable,
            request: f.evidence.request,
            response: f.evidence.response,
            ...(f.proof !== undefined ? { proof: f.proof } : {}),
            ...(f.generated !== undefined ? { generated: f.generated } : {}),
          },
        })),
      },
    ],
  };
}
