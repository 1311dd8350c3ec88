/**
 * @identitycall/openapi — the IdentityCall public API as an OpenAPI 3.1 document, and the one place
 * that turns it into runtime knowledge: the bundled document, an operation index and validators.
 * @see ../openapi.yaml
 */
export { bundledSpecPath, bundledSpecYamlPath, loadSpec, resolveRef } from './document.js';
export type { JsonSchema, OpenAPIDocument } from './document.js';
export { HTTP_METHODS, getOperation, listOperations } from './operations.js';
export type {
  DocsProvenance,
  HttpMethod,
  MediaInfo,
  NamedExample,
  OperationInfo,
  ParameterInfo,
  ResponseInfo,
} from './operations.js';
export { createValidator } from './validator.js';
export type { SpecValidator, ValidationResult } from './validator.js';
export { listInferred, missingProvenance } from './provenance.js';
export type { InferredPart } from './provenance.js';
export { generatedHeader, runGenerator } from './generated-file.js';
export { uploadFormats } from './uploads.js';
export type { UploadFormat } from './uploads.js';
export { PERMISSIONS, isPermission, permissionResponses } from './permissions.js';
export type { Permission } from './permissions.js';
export {
  documentedMessages,
  errorMessages,
  messageTemplate,
  messagesOfExample,
  permissionMessage,
  responseMessage,
} from './messages.js';
export type { DocumentedMessage, MessageTemplate } from './messages.js';
export { formatBytes, jsonBodyLimit, largestUpload } from './limits.js';
export { volatileFields, withoutVolatile } from './volatile.js';
