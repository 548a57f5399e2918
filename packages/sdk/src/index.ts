// Public API of @kassa/sdk: the v1 wire protocol, a typed client and webhook verification.
export {
  type CreateExpressWebhookHandlerParameters,
  type CreateExpressWebhookHandlerReturnType,
  createExpressWebhookHandler,
  type ExpressWebhookHandler,
  type ExpressWebhookRequest,
} from './createExpressWebhookHandler.ts';
export {
  type CreateKassaClientParameters,
  type CreateKassaClientReturnType,
  createKassaClient,
  type GetTokenRateParameters,
  type KassaClient,
} from './createKassaClient.ts';
export {
  type CreateNodeWebhookHandlerParameters,
  type CreateNodeWebhookHandlerReturnType,
  createNodeWebhookHandler,
  type NodeWebhookHandler,
} from './createNodeWebhookHandler.ts';
export { type EncodeJsonReturnType, encodeJson } from './encodeJson.ts';
export {
  type HandleWebhookRequest,
  handleWebhook,
  MAX_WEBHOOK_BODY_BYTES,
  type WebhookHandlerOptions,
  type WebhookResponse,
} from './handleWebhook.ts';
export { KassaApiError, type KassaApiErrorParameters } from './KassaApiError.ts';
export { KassaRequestError, type KassaRequestErrorParameters } from './KassaRequestError.ts';
export { KassaSdkError, type KassaSdkErrorOptions } from './KassaSdkError.ts';
export {
  KassaSignatureError,
  type KassaSignatureErrorParameters,
  type KassaSignatureErrorReason,
} from './KassaSignatureError.ts';
export { KassaVerificationError } from './KassaVerificationError.ts';
export { KassaWebhookError, type KassaWebhookErrorReason } from './KassaWebhookError.ts';
export {
  type FastifyWebhookReply,
  type FastifyWebhookRequest,
  type FastifyWebhookScope,
  type KassaWebhookFastifyPluginOptions,
  kassaWebhookFastifyPlugin,
} from './kassaWebhookFastifyPlugin.ts';
export { isOrderStatus, ORDER_STATUSES } from './orderStatuses.ts';
export { type ReadSignedHeadersReturnType, readSignedHeaders } from './readSignedHeaders.ts';
export {
  type FastifyWebhookHost,
  type RegisterFastifyWebhookRouteParameters,
  registerFastifyWebhookRoute,
} from './registerFastifyWebhookRoute.ts';
export { getResultCodeName, RESULT_CODES, type ResultCode, type ResultCodeName } from './resultCodes.ts';
export { type SignParameters, type SignReturnType, sign } from './sign.ts';
export { type SignHeadersParameters, type SignHeadersReturnType, signHeaders } from './signHeaders.ts';
export type * from './types.ts';
export {
  type VerifyHeadersParameters,
  type VerifyHeadersReturnType,
  verifyHeaders,
} from './verifyHeaders.ts';
export { type VerifySignParameters, type VerifySignReturnType, verifySign } from './verifySign.ts';
export {
  type VerifyWebhookParameters,
  type VerifyWebhookReturnType,
  verifyWebhook,
  type WebhookHeaders,
} from './verifyWebhook.ts';
