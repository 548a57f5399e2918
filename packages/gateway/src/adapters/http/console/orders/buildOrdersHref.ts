import type { OrderListRequest } from './readOrderListQuery.ts';

/** A link to the orders list (or its CSV, `path`) with the same filters, and the page's cursor when given. */
export function buildOrdersHref(
  form: OrderListRequest['form'],
  extra: { readonly before?: string; readonly path?: string } = {},
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) if (value !== '') params.set(name, value);
  if (extra.before !== undefined) params.set('before', extra.before);
  const query = params.toString();
  return `${extra.path ?? '/console/orders'}${query === '' ? '' : `?${query}`}`;
}
