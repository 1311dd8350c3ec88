/**
 * API-key permissions: the names every operation's `x-permission` uses, and the shared 403 response
 * a key without one gets, read from `x-permissions` on the bearer security scheme.
 * @see https://docs.identitycall.ai/api-reference/errors
 * @see ../DECISIONS.md (B6, B23)
 */
import { resolveRef, type OpenAPIDocument } from './document.js';

/**
 * The permission names, in the order the docs list them. The spec's `x-permissions` must name
 * exactly these ({@link permissionResponses} throws otherwise, and the spec's tests check it), so
 * the type below follows the document.
 */
export const PERMISSIONS = ['read', 'write', 'delete'] as const;

/** A permission an API key may hold, as `x-permission` spells it. */
export type Permission = (typeof PERMISSIONS)[number];

/** Whether `value` is a permission name. */
export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * Each permission's shared 403 response (a `components.responses` name), from `x-permissions` on
 * the first security scheme that has it.
 * @throws Error when the extension is missing, names an unknown permission or response, or lacks
 * one of {@link PERMISSIONS}.
 */
export function permissionResponses(doc: OpenAPIDocument): Record<Permission, string> {
  const schemes = Object.values(doc.components?.securitySchemes ?? {}).map((s) => resolveRef<Record<string, unknown>>(doc, s));
  const raw = schemes.find((s) => s && typeof s === 'object' && 'x-permissions' in s)?.['x-permissions'];
  if (!raw || typeof raw !== 'object') throw new Error('No security scheme of the spec has an x-permissions map');
  const names = Object.keys(raw);
  const unknown = names.filter((n) => !isPermission(n));
  const missing = PERMISSIONS.filter((p) => !names.includes(p));
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(
      `x-permissions must name exactly ${PERMISSIONS.join(', ')}` +
        (unknown.length ? `; unknown: ${unknown.join(', ')}` : '') +
        (missing.length ? `; missing: ${missing.join(', ')}` : ''),
    );
  }
  const out = {} as Record<Permission, string>;
  for (const p of PERMISSIONS) {
    const response = (raw as Record<string, unknown>)[p];
    if (typeof response !== 'string' || !doc.components?.responses?.[response]) {
      throw new Error(`x-permissions.${p} must name a response of components.responses, got ${JSON.stringify(response)}`);
    }
    out[p] = response;
  }
  return out;
}
